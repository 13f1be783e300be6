namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.IO;
using global::System.Linq;
using global::System.Net.Http;
using global::System.Runtime.CompilerServices;
using global::System.Text;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The client end of a server-streaming method served as Server-Sent Events: reads events, decodes and validates their
/// JSON data; an <c>event: error</c> is the server's error.
/// </summary>
public abstract class ServerSentEventsClientStream<T> : IClientStream, IMessageReceiver<T>
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly JsonTypeInfo<T> _typeInfo;
    private bool _ended;

    protected ServerSentEventsClientStream(HttpResponseMessage response, Stream body, JsonTypeInfo<T> typeInfo)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
        _typeInfo = typeInfo;
        ViewName = response.Headers.TryGetValues("Goa-View", out var views) ? Enumerable.FirstOrDefault(views) : null;
    }

    protected string? ViewName { get; }

    /// <summary>The id of the last event received: send it back as Last-Event-ID to resume.</summary>
    public string? LastEventId { get; private set; }

    /// <summary>Validates a received message: the design's rules of its type (see <see cref="Validation"/>); viewed streams add the view's.</summary>
    protected virtual void ValidateReceived(T message, ref ValidationErrors? errors) => Validation.Validate(message, "message", ref errors);

    public ValueTask<Received<T>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);

    /// <summary>Opens the event stream; a non-success response becomes its <see cref="ServiceError"/>.</summary>
    public static async Task<(HttpResponseMessage Response, Stream Body)> OpenAsync(
        HttpClient client, string relativeUri, Action<HttpRequestMessage>? addHeaders, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relativeUri);
        request.Headers.Accept.ParseAdd("text/event-stream");
        addHeaders?.Invoke(request);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await HttpErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }

        return (response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    protected async ValueTask<Received<T>> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        var data = new StringBuilder();
        string? eventName = null;
        while (!_ended)
        {
            var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                _ended = true;
                break;
            }

            if (line.Length == 0)
            {
                if (data.Length == 0)
                {
                    continue;
                }

                var json = data.ToString();
                if (eventName == "error")
                {
                    _ended = true;
                    var result = JsonSerializer.Deserialize(json, ErrorResultJsonContext.Default.ErrorResult);
                    throw result is null ? new ServiceError("fault", "the stream failed") : ServiceError.FromResult(result);
                }

                T message;
                try
                {
                    message = JsonSerializer.Deserialize(json, _typeInfo) ?? throw new JsonException("the event data is null");
                }
                catch (JsonException e)
                {
                    _ended = true;
                    throw JsonDecoding.Error(e);
                }

                ValidationErrors? errors = null;
                ValidateReceived(message, ref errors);
                if (errors is not null)
                {
                    _ended = true;
                    throw errors.ToException();
                }

                return new Received<T>(true, message);
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "data":
                    data.Append(data.Length > 0 ? "\n" : "").Append(value);
                    break;
                case "event":
                    eventName = value;
                    break;
                case "id":
                    LastEventId = value;
                    break;
            }
        }

        return default;
    }

    /// <summary>Every message until the end of the stream (see <see cref="ReceivedMessages"/>).</summary>
    protected IAsyncEnumerable<T> ReadAllCoreAsync(CancellationToken cancellationToken) =>
        ReceivedMessages.ReadAllAsync(ReceiveCoreAsync, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        GC.SuppressFinalize(this);
        return default;
    }
}
