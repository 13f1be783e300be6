namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.Linq;
using global::System.Net;
using global::System.Net.Http;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.Extensions.Logging;
using global::Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// The HTTP side of a Server-Sent Events client stream: opens the <c>text/event-stream</c> response, and reopens it
/// after a dropped connection with <c>Last-Event-ID</c>, the way the HTML standard's <c>EventSource</c> does. What
/// ends the stream for good instead: a 204, a 4xx, a response that is not <c>text/event-stream</c>, or too many failed
/// attempts in a row (<see cref="StreamGenClientOptions.ServerSentEventsMaxReconnectAttempts"/>).
/// </summary>
public sealed partial class ServerSentEventsConnection : IAsyncDisposable
{
    private readonly HttpClient? _client;
    private readonly string _relativeUri;
    private readonly Action<HttpRequestMessage>? _addHeaders;
    private HttpResponseMessage _response;

    private ServerSentEventsConnection(HttpClient? client, string relativeUri, Action<HttpRequestMessage>? addHeaders, StreamGenClientOptions options, HttpResponseMessage response, Stream body)
    {
        _client = client;
        _relativeUri = relativeUri;
        _addHeaders = addHeaders;
        Options = options;
        Logger = options.LoggerFactory?.CreateLogger(LogCategories.ServerSentEvents) ?? NullLogger.Instance;
        _response = response;
        Body = body;
        ViewName = response.Headers.TryGetValues("Goa-View", out var views) ? views.FirstOrDefault() : null;
    }

    /// <summary>The body of the current response.</summary>
    public Stream Body { get; private set; }

    /// <summary>The view the first response named (<c>Goa-View</c>), if any.</summary>
    public string? ViewName { get; }

    internal StreamGenClientOptions Options { get; }

    internal ILogger Logger { get; }

    /// <summary>
    /// Opens the event stream; a non-success response becomes its <see cref="ServiceError"/> (no reconnection before the
    /// first response: a wrong URI or payload fails the call at once).
    /// </summary>
    public static async Task<ServerSentEventsConnection> OpenAsync(
        HttpClient client, string relativeUri, Action<HttpRequestMessage>? addHeaders, StreamGenClientOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new StreamGenClientOptions();
        var response = await SendAsync(client, relativeUri, addHeaders, lastEventId: null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await HttpErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new ServerSentEventsConnection(client, relativeUri, addHeaders, options, response, body);
    }

    /// <summary>
    /// Wraps an event stream response opened elsewhere (a test, a custom request): the stream reads it to its end and
    /// never reconnects, as there is no request to send again.
    /// </summary>
    public static ServerSentEventsConnection Of(HttpResponseMessage response, Stream body)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(body);
        return new ServerSentEventsConnection(null, response.RequestMessage?.RequestUri?.ToString() ?? "", null, new StreamGenClientOptions { ServerSentEventsMaxReconnectAttempts = 0 }, response, body);
    }

    /// <summary>
    /// Replaces the current response with a new one resuming after <paramref name="lastEventId"/>. Returns false when the
    /// attempt failed in a way worth retrying (connection refused or dropped, 5xx, 408, 429); throws the error that ends
    /// the stream otherwise.
    /// </summary>
    internal async Task<(bool Reopened, Exception? Failure)> TryReopenAsync(string? lastEventId, CancellationToken cancellationToken)
    {
        _response.Dispose();
        if (_client is null)
        {
            throw new InvalidOperationException("This event stream was opened elsewhere and cannot be reopened.");
        }

        HttpResponseMessage response;
        try
        {
            response = await SendAsync(_client, _relativeUri, _addHeaders, lastEventId, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return (false, e);
        }

        _response = response;
        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            var error = await HttpErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            return (false, error);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await HttpErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }

        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            throw new HttpServiceError(status, "no_content", "the server answered 204 No Content: the event stream is not to be resumed");
        }

        if (response.Content.Headers.ContentType?.MediaType is not "text/event-stream")
        {
            throw new HttpServiceError(status, "bad_content_type", $"the server answered {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not text/event-stream");
        }

        Body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return (true, null);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string relativeUri, Action<HttpRequestMessage>? addHeaders, string? lastEventId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relativeUri);
        request.Headers.Accept.ParseAdd("text/event-stream");
        addHeaders?.Invoke(request);
        if (lastEventId is not null)
        {
            // The id of the last event received wins over the payload's own resume point.
            request.Headers.Remove("Last-Event-ID");
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    [LoggerMessage(40, LogLevel.Information, "Event stream {Uri} dropped ({Cause}); reconnecting in {Delay} ms (attempt {Attempt}) after id {LastEventId}")]
    internal static partial void LogReconnecting(ILogger logger, string uri, string cause, long delay, int attempt, string? lastEventId);

    [LoggerMessage(41, LogLevel.Warning, "Event stream {Uri} gave up after {Attempts} failed reconnections")]
    internal static partial void LogGaveUp(ILogger logger, string uri, int attempts);

    internal string Uri => _relativeUri;

    public ValueTask DisposeAsync()
    {
        Body.Dispose();
        _response.Dispose();
        return default;
    }
}
