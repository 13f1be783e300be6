namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.IO;
using global::System.Net.Http;
using global::System.Net.ServerSentEvents;
using global::System.Runtime.CompilerServices;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The client end of a server-streaming method served as Server-Sent Events: events parsed by
/// <see cref="SseParser"/> (the WHATWG event stream format), their JSON data decoded and validated; an
/// <c>event: goa-error</c> is the server's error. A dropped connection or a 5xx is not the end: the stream reconnects
/// with <c>Last-Event-ID</c> set to the last id received, after an exponential backoff with jitter capped by the
/// server's <c>retry:</c> (see <see cref="ServerSentEventsConnection"/>), and its receives go on where they stopped;
/// a server that resumes by id (the logger's <c>events</c> does) gives no duplicate and no gap. The stream ends when the
/// server ends the response; an error event ends it with that error, except a temporary one (Goa's <c>temporary</c>:
/// the server is shutting down or overloaded), which is one more reason to reconnect.
/// </summary>
public abstract class ServerSentEventsClientStream<T> : IClientStream, IMessageReceiver<T>
{
    private readonly ServerSentEventsConnection _connection;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly CancellationTokenSource _lifetime = new();
    private SseParser<ServerSentEvent>? _parser;
    private IAsyncEnumerator<SseItem<ServerSentEvent>>? _events;
    private TimeSpan? _serverRetry;
    private int _failedAttempts;
    private bool _ended;

    protected ServerSentEventsClientStream(ServerSentEventsConnection connection, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _typeInfo = typeInfo;
        ViewName = connection.ViewName;
    }

    protected string? ViewName { get; }

    /// <summary>The id of the last event received: sent back as <c>Last-Event-ID</c> when the stream reconnects.</summary>
    public string? LastEventId { get; private set; }

    /// <summary>How many times the stream has reconnected so far.</summary>
    public int Reconnections { get; private set; }

    /// <summary>Validates a received message: the design's rules of its type (see <see cref="Validation"/>); viewed streams add the view's.</summary>
    protected virtual void ValidateReceived(T message, ref ValidationErrors? errors) => Validation.Validate(message, "message", ref errors);

    public ValueTask<Received<T>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);

    protected async ValueTask<Received<T>> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        // The parser's enumeration is bound to one token for its life: a canceled receive ends the stream.
        using var registration = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _lifetime) : default;
        while (!_ended)
        {
            SseItem<ServerSentEvent> item;
            try
            {
                _events ??= Parse(_connection.Body);
                if (!await _events.MoveNextAsync().ConfigureAwait(false))
                {
                    _ended = true;
                    break;
                }

                item = _events.Current;
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !_lifetime.IsCancellationRequested)
            {
                await ReconnectAsync(e).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
                _ended = true;
                cancellationToken.ThrowIfCancellationRequested();
                throw;
            }

            _failedAttempts = 0;
            if (_parser!.LastEventId is { Length: > 0 } id)
            {
                LastEventId = id;
            }

            if (_parser.ReconnectionInterval > TimeSpan.Zero && _parser.ReconnectionInterval != Timeout.InfiniteTimeSpan)
            {
                _serverRetry = _parser.ReconnectionInterval;
            }

            if (item.Data.EventType == ServerSentEventFields.ErrorEventType && ReadError(item.Data.Data) is { Temporary: true } temporary && _connection.Options.ServerSentEventsMaxReconnectAttempts > 0)
            {
                // Goa's temporary flag: the server asks to be tried again (it is shutting down, or overloaded).
                await ReconnectAsync(temporary).ConfigureAwait(false);
                continue;
            }

            return Decode(item.Data);
        }

        return default;
    }

    /// <summary>Every message until the end of the stream (see <see cref="ReceivedMessages"/>).</summary>
    protected IAsyncEnumerable<T> ReadAllCoreAsync(CancellationToken cancellationToken) =>
        ReceivedMessages.ReadAllAsync(ReceiveCoreAsync, cancellationToken);

    private IAsyncEnumerator<SseItem<ServerSentEvent>> Parse(Stream body)
    {
        _parser = SseParser.Create(body, static (eventType, data) => new ServerSentEvent(eventType, data.ToArray()));
        return _parser.EnumerateAsync(_lifetime.Token).GetAsyncEnumerator(_lifetime.Token);
    }

    private Received<T> Decode(ServerSentEvent item)
    {
        if (item.EventType == ServerSentEventFields.ErrorEventType)
        {
            _ended = true;
            throw ReadError(item.Data);
        }

        T message;
        try
        {
            message = JsonSerializer.Deserialize(item.Data, _typeInfo) ?? throw new JsonException("the event data is null");
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

    private static ServiceError ReadError(byte[] data)
    {
        try
        {
            if (JsonSerializer.Deserialize(data, ErrorResultJsonContext.Default.ErrorResult) is { } result)
            {
                return ServiceError.FromResult(result);
            }
        }
        catch (JsonException)
        {
            // Not Goa's error body: a fault without details below.
        }

        return new ServiceError("fault", "the stream failed");
    }

    /// <summary>Reopens the response after <paramref name="cause"/>, waiting between attempts; throws when the stream cannot go on.</summary>
    private async Task ReconnectAsync(Exception cause)
    {
        var options = _connection.Options;
        if (_events is not null)
        {
            await _events.DisposeAsync().ConfigureAwait(false);
            _events = null;
        }

        while (true)
        {
            _failedAttempts++;
            if (_failedAttempts > options.ServerSentEventsMaxReconnectAttempts)
            {
                _ended = true;
                ServerSentEventsConnection.LogGaveUp(_connection.Logger, _connection.Uri, _failedAttempts - 1);
                throw cause is ServiceError ? cause : new ServiceError("unavailable", $"the event stream dropped and could not be resumed: {cause.Message}", temporary: true, innerException: cause);
            }

            var delay = Backoff(_failedAttempts);
            options.ServerSentEventsReconnecting?.Invoke(new ServerSentEventsReconnect(_failedAttempts, delay, LastEventId, cause));
            ServerSentEventsConnection.LogReconnecting(_connection.Logger, _connection.Uri, cause.Message, (long)delay.TotalMilliseconds, _failedAttempts, LastEventId);
            await Task.Delay(delay, _lifetime.Token).ConfigureAwait(false);
            Reconnections++;
            try
            {
                var (reopened, failure) = await _connection.TryReopenAsync(LastEventId, _lifetime.Token).ConfigureAwait(false);
                if (reopened)
                {
                    // A failed attempt is one that got no event stream back: this one did.
                    _failedAttempts = 0;
                    return;
                }

                cause = failure!;
            }
            catch (ServiceError)
            {
                _ended = true;
                throw;
            }
            catch (IOException e)
            {
                cause = e;
            }
        }
    }

    /// <summary>Exponential backoff from the configured delay, capped by the configured maximum and the server's <c>retry:</c>, with jitter (half to all of it).</summary>
    private TimeSpan Backoff(int attempt)
    {
        var options = _connection.Options;
        var cap = _serverRetry is { } retry && retry < options.ServerSentEventsMaxReconnectDelay ? retry : options.ServerSentEventsMaxReconnectDelay;
        var exponential = options.ServerSentEventsReconnectDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, cap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    public async ValueTask DisposeAsync()
    {
        _lifetime.Cancel();
        if (_events is not null)
        {
            try
            {
                await _events.DisposeAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Disposing an enumeration that was canceled: nothing left to release.
            }
            catch (NotSupportedException)
            {
                // A receive still in flight on another thread (ended by the cancel above): the parser's enumerator
                // cannot be disposed under it, and disposing the body below releases what it holds.
            }
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        _lifetime.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>One parsed event: its type and its data's bytes (decoded by the stream, so failures surface as its errors).</summary>
    private readonly record struct ServerSentEvent(string EventType, byte[] Data);
}
