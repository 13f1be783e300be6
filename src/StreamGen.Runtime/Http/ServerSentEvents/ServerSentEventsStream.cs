namespace StreamGen.Runtime;

using global::System;
using global::System.Buffers;
using global::System.Globalization;
using global::System.IO;
using global::System.IO.Pipelines;
using global::System.Runtime.CompilerServices;
using global::System.Text;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.Hosting;
using global::Microsoft.Extensions.Options;

/// <summary>
/// The server end of a stream served as Server-Sent Events (<c>text/event-stream</c>): each message is one event whose
/// <c>data:</c> is the JSON message, with <c>id:</c>, <c>event:</c> and <c>retry:</c> filled from the attributes the design
/// names (<see cref="Fields"/>). The response starts at the first event, so an error raised before it is still a plain
/// HTTP error; an error after it is sent as an <c>event: error</c> whose data is the JSON error body. This is the server
/// end of a server-streaming method served as SSE; <see cref="ServeAsync"/> runs the method's handler on it. A client
/// that takes nothing for <see cref="StreamGenWebSocketOptions.StallTimeout"/> while an event waits is cut off: the
/// response ends (the connection is aborted, as nothing more can reach it) and the handler's token is canceled.
/// </summary>
public abstract class ServerSentEventsStream<T> : IServerStream, IStreamSender<T>, IAsyncDisposable
{
    private readonly HttpContext _context;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenSource _aborted;
    private readonly Utf8JsonWriter _json = new(Stream.Null);
    private readonly StreamGenWebSocketOptions _options;
    private readonly TimeSpan _heartbeat;
    private long _lastWrite;
    private StreamStalledException? _stalled;
    private string? _view;
    private bool _started;

    protected ServerSentEventsStream(HttpContext context, JsonTypeInfo<T> typeInfo)
    {
        _context = context;
        _typeInfo = typeInfo;
        _stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? default;
        _aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        _options = context.RequestServices.GetService<IOptions<StreamGenWebSocketOptions>>()?.Value ?? new StreamGenWebSocketOptions();
        _heartbeat = _options.SseHeartbeat;
    }

    /// <summary>The handler's token: canceled when the client disconnects or the server shuts down.</summary>
    public CancellationToken Aborted => _aborted.Token;

    protected void SetViewCore(string view)
    {
        if (_started)
        {
            throw new InvalidOperationException("SetView must be called before the first event is sent.");
        }

        _view = view;
    }

    /// <inheritdoc/>
    public ValueTask OpenAsync(CancellationToken cancellationToken = default) => OpenCoreAsync(cancellationToken);

    /// <summary>Sends one message as an event, its <c>id:</c>, <c>event:</c> and <c>retry:</c> lines from <see cref="Fields"/>.</summary>
    public ValueTask SendAsync(T message, CancellationToken cancellationToken = default)
    {
        var fields = Fields(message);
        return WriteEventAsync(fields.Id, fields.Event, fields.Retry, Render(message), cancellationToken);
    }

    /// <summary>
    /// Serves one request with a method's handler: it runs with <see cref="Aborted"/> as its token, and the response ends
    /// as <see cref="CompleteAsync"/> says; <paramref name="errorStatus"/> maps the design's error names to HTTP statuses.
    /// </summary>
    public async Task ServeAsync(Func<string, int> errorStatus, Func<CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var (admitted, lease) = await ClientStreamCounter.AdmitAsync(_context, _options.MaxStreamsPerClient).ConfigureAwait(false);
        using var admission = lease;
        if (!admitted)
        {
            return;
        }

        Exception? failure = null;
        using var heartbeats = CancellationTokenSource.CreateLinkedTokenSource(Aborted);
        var heartbeat = _heartbeat > TimeSpan.Zero ? SendHeartbeatsAsync(heartbeats.Token) : Task.CompletedTask;
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
        await CompleteAsync(failure, errorStatus).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a comment line whenever the stream has been silent for the heartbeat interval, the first one also starting
    /// the response, so that a proxy never sees an idle response (dotnet/runtime#121027); ends with the handler.
    /// </summary>
    private async Task SendHeartbeatsAsync(CancellationToken cancellationToken)
    {
        _lastWrite = Environment.TickCount64;
        using var timer = new PeriodicTimer(_heartbeat / 2);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (Environment.TickCount64 - Volatile.Read(ref _lastWrite) < (long)_heartbeat.TotalMilliseconds || !_writeLock.Wait(0, CancellationToken.None))
                {
                    continue;
                }

                try
                {
                    Start();
                    _context.Response.BodyWriter.Write(":\n\n"u8);
                    Volatile.Write(ref _lastWrite, Environment.TickCount64);
                    var flush = _context.Response.BodyWriter.FlushAsync(cancellationToken);
                    if (!flush.IsCompleted && _options.StallTimeout > TimeSpan.Zero)
                    {
                        await WatchAsync(flush.AsTask(), _context.Response.BodyWriter).ConfigureAwait(false);
                    }
                    else
                    {
                        await flush.ConfigureAwait(false);
                    }
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
            // A client that took not even a heartbeat is cut off (WatchAsync canceled the handler); CompleteAsync ends it.
        }
    }

    /// <summary>The event's <c>id:</c>, <c>event:</c> and <c>retry:</c> lines for a message; none unless the design names attributes for them.</summary>
    protected virtual ServerSentEventFields Fields(T message) => default;

    /// <summary>The message as it is sent: itself, or its projection in a view.</summary>
    protected virtual T Render(T message) => message;

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

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    protected async ValueTask WriteEventAsync(string? id, string? eventName, long? retry, T message, CancellationToken cancellationToken)
    {
        CheckField("id", id);
        CheckField("event", eventName);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Start();
            var writer = _context.Response.BodyWriter;
            // The fields in SseFormatter's order (event, data, id, retry), so the bytes are the library's own
            // (SseFormatterComparisonTests); the JSON data is one line whatever the message holds.
            WriteField(writer, "event", eventName);
            writer.Write("data: "u8);
            _json.Reset(writer);
            JsonSerializer.Serialize(_json, message, _typeInfo);
            _json.Flush();
            writer.Write("\n"u8);
            WriteField(writer, "id", id);
            WriteField(writer, "retry", retry?.ToString(CultureInfo.InvariantCulture));
            writer.Write("\n"u8);
            Volatile.Write(ref _lastWrite, Environment.TickCount64);
            var flush = writer.FlushAsync(cancellationToken);
            if (!flush.IsCompleted && _options.StallTimeout > TimeSpan.Zero)
            {
                await WatchAsync(flush.AsTask(), writer).ConfigureAwait(false);
            }
            else
            {
                await flush.ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>A flush the client is slow to take: past the stall timeout the client is cut off.</summary>
    private async Task WatchAsync(Task<FlushResult> flush, PipeWriter writer)
    {
        try
        {
            await flush.WaitAsync(_options.StallTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _stalled = StreamStalledException.NoProgress(_options.StallTimeout);
            writer.CancelPendingFlush();
            _aborted.Cancel();
            throw _stalled;
        }
    }

    /// <summary>Ends the response once the handler has returned; see the class summary for errors.</summary>
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

        if (!_started && failure is not null && !_stopping.IsCancellationRequested)
        {
            await HttpErrors.WriteAsync(_context, failure, errorStatus).ConfigureAwait(false);
            return;
        }

        Start();
        if (_stopping.IsCancellationRequested)
        {
            // A temporary error, not a clean end: the client reconnects (to this server once it is back, or to another
            // behind the same address) and resumes with Last-Event-ID, where a clean end would mean the stream is over.
            WriteError(new ServiceError("unavailable", "the server is shutting down", temporary: true));
        }
        else if (failure is not null && !(failure is OperationCanceledException && _aborted.IsCancellationRequested))
        {
            WriteError(failure as ServiceError is { Fault: false } known ? known : new ServiceError("fault", "internal error", fault: true));
        }

        await _context.Response.BodyWriter.FlushAsync().ConfigureAwait(false);
    }

    private void WriteError(ServiceError error)
    {
        var writer = _context.Response.BodyWriter;
        writer.Write("event: error\ndata: "u8);
        _json.Reset(writer);
        JsonSerializer.Serialize(_json, error.ToResult(), ErrorResultJsonContext.Default.ErrorResult);
        _json.Flush();
        writer.Write("\n\n"u8);
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
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        if (_view is not null)
        {
            response.Headers["Goa-View"] = _view;
        }
    }

    private static void WriteField(PipeWriter writer, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.Write(Encoding.UTF8.GetBytes($"{name}: {value}\n"));
    }

    /// <summary>
    /// An <c>id:</c> or <c>event:</c> value must fit on one line (and an id may not hold NUL, which makes clients ignore
    /// it), as the event stream format says: anything else is refused at send time rather than altered.
    /// </summary>
    private static void CheckField(string name, string? value)
    {
        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n', name == "id" ? '\0' : '\n') >= 0)
        {
            throw new ValidationException([new ValidationError("invalid_format", name, $"the SSE {name} field cannot carry a line break{(name == "id" ? " or NUL" : "")}: {value.ReplaceLineEndings("\\n")}")]);
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
