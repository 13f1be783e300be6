namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.IO.Pipelines;
using global::System.Runtime.CompilerServices;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.Hosting;
using global::Microsoft.Extensions.Options;

/// <summary>
/// The server end of a server stream written into one HTTP response, shared by its framings (Server-Sent Events in
/// <see cref="ServerSentEventsStream{T}"/>, JSON Lines in <see cref="JsonLinesStream{T}"/>), which add only how a message,
/// a heartbeat and an error are framed. The response starts at the first message, so an error raised before it is still
/// a plain HTTP error. Each message is flushed at once, or coalesced with those queued behind it when the client is
/// slower than the handler (the pipe's flush completes only when the client takes the bytes). A client that takes
/// nothing for <see cref="StreamGenWebSocketOptions.StallTimeout"/> while a message waits is cut off: the connection is
/// aborted (nothing more can reach it) and the handler's token is canceled. While the handler sends nothing for
/// <see cref="Heartbeat"/>, the framing's heartbeat is written, from the first byte, so a proxy never sees a silent
/// response (dotnet/runtime#121027).
/// </summary>
public abstract class StreamedResponse<T> : IServerStream, IStreamSender<T>, IServedStream
{
    private readonly HttpContext _context;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenSource _aborted;
    private readonly Utf8JsonWriter _json = new(Stream.Null);
    private readonly IdleWatch _idleWatch = new();
    private bool _idleTimedOut;
    private long _lastWrite;
    private StreamStalledException? _stalled;
    private string? _view;
    private bool _started;

    protected StreamedResponse(HttpContext context, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _typeInfo = typeInfo;
        _stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? default;
        _aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        Options = context.RequestServices.GetService<IOptions<StreamGenWebSocketOptions>>()?.Value ?? new StreamGenWebSocketOptions();
    }

    /// <summary>The handler's token: canceled when the client disconnects, is cut off, or the server shuts down.</summary>
    public CancellationToken Aborted => _aborted.Token;

    /// <summary>The transport's settings (<c>StreamGen:Http</c>).</summary>
    protected StreamGenWebSocketOptions Options { get; }

    /// <summary>The response's media type (<c>text/event-stream</c>, <c>application/x-ndjson</c>).</summary>
    protected abstract string ContentType { get; }

    /// <summary>How long the stream may stay silent before a heartbeat; zero: never.</summary>
    protected abstract TimeSpan Heartbeat { get; }

    /// <summary>Writes one message (in the view already applied) with the fields beside it that the framing carries.</summary>
    protected abstract void WriteMessage(PipeWriter writer, Utf8JsonWriter json, T message, in ServerSentEventFields fields);

    /// <summary>Writes what keeps an idle response alive without being a message.</summary>
    protected abstract void WriteHeartbeat(PipeWriter writer);

    /// <summary>
    /// Writes an error after the response started; false when the framing cannot carry one, and the connection is then
    /// aborted so that no client takes a cut stream for a complete one.
    /// </summary>
    protected abstract bool TryWriteError(PipeWriter writer, Utf8JsonWriter json, ServiceError error);

    /// <summary>Refuses, before anything is written, fields the framing cannot carry as they are.</summary>
    protected virtual void CheckFields(in ServerSentEventFields fields)
    {
    }

    /// <summary>The fields beside a message's data; none unless the design names attributes for them.</summary>
    protected virtual ServerSentEventFields Fields(T message) => default;

    /// <summary>The message as it is sent: itself, or its projection in a view.</summary>
    protected virtual T Render(T message) => message;

    protected void SetViewCore(string view)
    {
        if (_started)
        {
            throw new InvalidOperationException("SetView must be called before the first message is sent.");
        }

        _view = view;
    }

    /// <inheritdoc/>
    public ValueTask OpenAsync(CancellationToken cancellationToken = default) => OpenCoreAsync(cancellationToken);

    /// <summary>Sends one message, with the fields <see cref="Fields"/> gives it.</summary>
    public ValueTask SendAsync(T message, CancellationToken cancellationToken = default) =>
        WriteAsync(Render(message), Fields(message), cancellationToken);

    /// <summary>
    /// Serves one request with a method's handler: a client address over
    /// <see cref="StreamGenWebSocketOptions.MaxStreamsPerClient"/> gets 429; otherwise the handler runs with
    /// <see cref="Aborted"/> as its token, heartbeats go out while it is silent, and the response ends as
    /// <see cref="CompleteAsync"/> says.
    /// </summary>
    public async Task ServeAsync(Func<string, int> errorStatus, Func<CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var (admitted, lease) = await ClientStreamCounter.AdmitAsync(_context, Options.MaxStreamsPerClient).ConfigureAwait(false);
        using var admission = lease;
        if (!admitted)
        {
            return;
        }

        Exception? failure = null;
        using var heartbeats = CancellationTokenSource.CreateLinkedTokenSource(Aborted);
        var heartbeat = Heartbeat > TimeSpan.Zero ? SendHeartbeatsAsync(heartbeats.Token) : Task.CompletedTask;
        var idle = _idleWatch.RunAsync(Options.IdleTimeout, OnIdle, heartbeats.Token);
        try
        {
            await handler(Aborted).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }

        await heartbeats.CancelAsync().ConfigureAwait(false);
        await heartbeat.ConfigureAwait(false);
        await idle.ConfigureAwait(false);
        await CompleteAsync(failure, errorStatus).ConfigureAwait(false);
    }

    /// <summary>No message for the idle timeout (heartbeats do not count): the handler's token is canceled, and the response ends with <c>idle_timeout</c>.</summary>
    private void OnIdle()
    {
        _idleTimedOut = true;
        _aborted.Cancel();
    }

    /// <summary>Writes a heartbeat whenever the stream has been silent for the interval, the first one also starting the response.</summary>
    private async Task SendHeartbeatsAsync(CancellationToken cancellationToken)
    {
        _lastWrite = Environment.TickCount64;
        var interval = Heartbeat;
        using var timer = new PeriodicTimer(interval / 2);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (Environment.TickCount64 - Volatile.Read(ref _lastWrite) < (long)interval.TotalMilliseconds || !_writeLock.Wait(0, CancellationToken.None))
                {
                    continue;
                }

                try
                {
                    Start();
                    WriteHeartbeat(_context.Response.BodyWriter);
                    await FlushAsync(_context.Response.BodyWriter, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _writeLock.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The handler returned or the client left: no more heartbeats.
        }
        catch (StreamStalledException)
        {
            // A client that took not even a heartbeat is cut off (the handler's token is canceled); CompleteAsync ends it.
        }
    }

    /// <summary>Starts the response now (see <see cref="IServerStream.OpenAsync"/>).</summary>
    protected async ValueTask OpenCoreAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Start();
            await _context.Response.StartAsync(cancellationToken).ConfigureAwait(false);
            await _context.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Writes one message and flushes it; waits while the client is slow, and cuts it off once it stalls.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    protected async ValueTask WriteAsync(T message, ServerSentEventFields fields, CancellationToken cancellationToken)
    {
        CheckFields(fields);
        _idleWatch.Touch();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Start();
            var writer = _context.Response.BodyWriter;
            WriteMessage(writer, _json, message, fields);
            await FlushAsync(writer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Serializes one JSON value into <paramref name="writer"/> (the framing writes what goes around it).</summary>
    protected void WriteJson<TValue>(PipeWriter writer, Utf8JsonWriter json, TValue value, JsonTypeInfo<TValue> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.Reset(writer);
        JsonSerializer.Serialize(json, value, typeInfo);
        json.Flush();
    }

    /// <summary>Serializes a message with the stream's JSON contract.</summary>
    protected void WriteJson(PipeWriter writer, Utf8JsonWriter json, T message) => WriteJson(writer, json, message, _typeInfo);

    private async ValueTask FlushAsync(PipeWriter writer, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastWrite, Environment.TickCount64);
        var flush = writer.FlushAsync(cancellationToken);
        if (!flush.IsCompleted && Options.StallTimeout > TimeSpan.Zero)
        {
            await WatchAsync(flush.AsTask(), writer).ConfigureAwait(false);
        }
        else
        {
            await flush.ConfigureAwait(false);
        }
    }

    /// <summary>A flush the client is slow to take: past the stall timeout the client is cut off.</summary>
    private async Task WatchAsync(Task<FlushResult> flush, PipeWriter writer)
    {
        try
        {
            await flush.WaitAsync(Options.StallTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _stalled = StreamStalledException.NoProgress(Options.StallTimeout);
            writer.CancelPendingFlush();
            _aborted.Cancel();
            throw _stalled;
        }
    }

    /// <summary>
    /// Ends the response once the handler has returned: cleanly after a success; an error before the first message is a
    /// plain HTTP error with the design's status, one after it is written as the framing allows (or the connection is
    /// aborted); a shutdown is a temporary <c>unavailable</c> error, so clients reconnect rather than take it for the end.
    /// </summary>
    public async Task CompleteAsync(Exception? failure, Func<string, int> errorStatus)
    {
        if (_context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (_stalled is not null || failure is StreamStalledException)
        {
            // Cut off: nothing more can reach a client that reads nothing, so the response ends here.
            _context.Abort();
            return;
        }

        if (!_started && failure is not null && !_stopping.IsCancellationRequested && !_idleTimedOut)
        {
            await HttpErrors.WriteAsync(_context, failure, errorStatus).ConfigureAwait(false);
            return;
        }

        Start();
        ServiceError? error = null;
        if (_idleTimedOut)
        {
            error = IdleWatch.Error(Options.IdleTimeout);
        }
        else if (_stopping.IsCancellationRequested)
        {
            error = new ServiceError("unavailable", "the server is shutting down", temporary: true);
        }
        else if (failure is not null && !(failure is OperationCanceledException && _aborted.IsCancellationRequested))
        {
            error = failure as ServiceError is { Fault: false } known ? known : new ServiceError("fault", "internal error", fault: true);
        }

        if (error is not null && !TryWriteError(_context.Response.BodyWriter, _json, error))
        {
            await _context.Response.BodyWriter.FlushAsync().ConfigureAwait(false);
            _context.Abort();
            return;
        }

        await _context.Response.BodyWriter.FlushAsync().ConfigureAwait(false);
    }

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        var response = _context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        if (_view is not null)
        {
            response.Headers["Goa-View"] = _view;
        }
    }

    public ValueTask DisposeAsync()
    {
        _writeLock.Dispose();
        _aborted.Dispose();
        _json.Dispose();
        GC.SuppressFinalize(this);
        return default;
    }
}
