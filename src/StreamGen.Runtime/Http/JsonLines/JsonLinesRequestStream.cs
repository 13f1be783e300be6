namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.Runtime.ExceptionServices;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.AspNetCore.Http.Features;
using global::Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.Hosting;
using global::Microsoft.Extensions.Options;
using global::Microsoft.Net.Http.Headers;

/// <summary>
/// The server end of a client stream sent as a JSON Lines request body (<c>jsonLines: true</c> on a method with a
/// <c>streamingPayload</c>): a <c>POST</c> whose <c>application/x-ndjson</c> body, usually chunked, holds one JSON value
/// a line, read as it arrives and in constant memory by <see cref="JsonLinesReader{T}"/> (blank lines skipped). The
/// non-streamed payload travels in the path, query and headers, as for a WebSocket.
/// <para>
/// A line that is not JSON or fails validation ends the stream with Goa's error body and 400, a line over
/// <see cref="StreamGenWebSocketOptions.MaxMessageSize"/> bytes with 413 (<c>message_too_big</c>), as soon as it is seen:
/// the handler's token is canceled, its next receive throws that error, the response says <c>Connection: close</c>,
/// and the rest of the body is never read. A client that leaves mid-body cancels the token too
/// (<c>connection_lost</c>). The request body has no size limit (each line has) and no minimum data rate (a client
/// may pause between lines): <see cref="StreamGenWebSocketOptions.IdleTimeout"/> bounds a silent one.
/// </para>
/// A request sent with <c>Expect: 100-continue</c> (the generated client does) is told to go on only when the handler
/// first receives, so an error before that (a bad payload, authorization, too many streams) is the
/// answer to the request itself, before any line is sent.
/// </summary>
public abstract class JsonLinesRequestStream<TPayload> : IServerStream, IServedStream, IMessageReceiver<TPayload>
{
    private readonly HttpContext _context;
    private readonly JsonLinesReader<TPayload> _reader;
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenSource _aborted;
    private readonly CancellationTokenRegistration _stoppingRegistration;
    private readonly IdleWatch _idleWatch = new();
    private readonly SemaphoreSlim _receiveLock = new(1, 1);
    private ExceptionDispatchInfo? _failure;
    private bool _idleTimedOut;
    private bool _ended;
    private bool _responded;

    protected JsonLinesRequestStream(HttpContext context, JsonTypeInfo<TPayload> payloadInfo, int successStatus)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        SuccessStatus = successStatus;
        var services = context.RequestServices;
        Options = services.GetService<IOptions<StreamGenWebSocketOptions>>()?.Value ?? new StreamGenWebSocketOptions();
        _stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? default;
        _aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        _stoppingRegistration = ShutdownGrace.Register(_aborted, _stopping, receives: true, Options.ShutdownGracePeriod);
        _reader = new JsonLinesReader<TPayload>(context.Request.BodyReader, payloadInfo, Options.MaxMessageSize, ValidateReceived);
    }

    /// <summary>The handler's token: canceled when the client leaves, a line is refused, the stream is idle, or the server shuts down (after the grace period).</summary>
    public CancellationToken Aborted => _aborted.Token;

    /// <summary>The transport's settings (<c>StreamGen:Http</c>).</summary>
    protected StreamGenWebSocketOptions Options { get; }

    /// <summary>The status of a successful response (the design's, else 200 with a result and 204 without).</summary>
    protected int SuccessStatus { get; }

    /// <summary>Validates a received message beyond its type's rules, which are always checked; nothing by default.</summary>
    protected virtual void ValidateReceived(TPayload message, ref ValidationErrors? errors)
    {
    }

    /// <summary>
    /// Nothing to open: the response is the result, sent when the stream ends. A client that expects <c>100 Continue</c>
    /// gets it when the handler first receives.
    /// </summary>
    public ValueTask OpenAsync(CancellationToken cancellationToken = default) => default;

    /// <summary>
    /// The next line's value, decoded and validated; none at the end of the body. Once the stream has failed (a refused
    /// line, a client that left, the idle timeout), every receive throws that error, also one whose token the failure
    /// canceled, so a handler learns why rather than just that it was canceled.
    /// </summary>
    public async ValueTask<Received<TPayload>> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ReceiveCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceError e)
        {
            // A refused line (ValidationException, message_too_big): the request is answered with it.
            throw Fail(e);
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException || (e is OperationCanceledException && _context.RequestAborted.IsCancellationRequested))
        {
            throw Fail(new StreamClosedException(null, "connection_lost", "the client left before the end of its request body", e));
        }
        catch (OperationCanceledException) when (_failure is not null || (_idleTimedOut && !cancellationToken.IsCancellationRequested))
        {
            throw Fail(IdleWatch.Error(Options.IdleTimeout));
        }
    }

    private async ValueTask<Received<TPayload>> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        _failure?.Throw();
        await _receiveLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _failure?.Throw();
            if (_ended)
            {
                return default;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _aborted.Token);
            var received = await _reader.ReadAsync(linked.Token).ConfigureAwait(false);
            _idleWatch.Touch();
            _ended = !received.HasValue;
            return received;
        }
        finally
        {
            _receiveLock.Release();
        }
    }

    /// <summary>Sends the result as the JSON response body (Goa's SendAndClose): the stream ends here.</summary>
    protected async ValueTask SendAndCloseCoreAsync<TResult>(TResult result, JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken)
    {
        if (_responded)
        {
            throw new InvalidOperationException("SendAndCloseAsync was already called: the stream has ended.");
        }

        _failure?.Throw();
        _responded = true;
        _context.Response.StatusCode = SuccessStatus;
        _context.Response.ContentType = "application/json";
        await global::System.Text.Json.JsonSerializer.SerializeAsync(_context.Response.Body, result, resultInfo, cancellationToken).ConfigureAwait(false);
        await _context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Serves one request with a method's handler: a body in another media type than JSON Lines gets 415, an address with
    /// <see cref="StreamGenWebSocketOptions.MaxStreamsPerClient"/> streams open 429; otherwise the handler runs with
    /// <see cref="Aborted"/> as its token and the response is its result, 204 (no result), or the error that ended it.
    /// </summary>
    public async Task ServeAsync(Func<string, int> errorStatus, Func<CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(errorStatus);
        ArgumentNullException.ThrowIfNull(handler);
        if (!IsJsonLines(_context.Request.ContentType))
        {
            await HttpErrors.WriteAsync(
                _context,
                new ServiceError("unsupported_media_type", $"the request body is {_context.Request.ContentType}, not {JsonLinesWriter.MediaType}: one JSON value a line"),
                static _ => StatusCodes.Status415UnsupportedMediaType).ConfigureAwait(false);
            return;
        }

        var (admitted, lease) = await ClientStreamCounter.AdmitAsync(_context, Options.MaxStreamsPerClient).ConfigureAwait(false);
        using var admission = lease;
        if (!admitted)
        {
            return;
        }

        AllowStreamingBody();
        Exception? failure = null;
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(Aborted);
        var idle = _idleWatch.RunAsync(Options.IdleTimeout, OnIdle, watching.Token);
        try
        {
            await handler(Aborted).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }

        await watching.CancelAsync().ConfigureAwait(false);
        await idle.ConfigureAwait(false);
        await CompleteAsync(failure, errorStatus).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the response once the handler has returned: nothing more after its result; a refused line's error (whatever
    /// the handler made of it), an idle timeout (408), a shutdown (503, temporary) or the handler's error as Goa's error
    /// body; otherwise the success status with no body.
    /// </summary>
    private async Task CompleteAsync(Exception? failure, Func<string, int> errorStatus)
    {
        if (_context.RequestAborted.IsCancellationRequested || _responded)
        {
            return;
        }

        Exception? error = _failure?.SourceException;
        if (error is null && _idleTimedOut)
        {
            error = IdleWatch.Error(Options.IdleTimeout);
        }
        else if (error is null && _stopping.IsCancellationRequested && (failure is not null || !_ended))
        {
            error = new ServiceError("unavailable", "the server is shutting down", temporary: true);
        }

        error ??= failure;
        if (error is null)
        {
            _context.Response.StatusCode = SuccessStatus;
            return;
        }

        if (!_ended)
        {
            // The rest of the body is not read: the connection ends with this response instead of being drained.
            _context.Response.Headers.Connection = "close";
        }

        await HttpErrors.WriteAsync(_context, error, name => Status(name, errorStatus)).ConfigureAwait(false);
    }

    private static int Status(string name, Func<string, int> errorStatus) => errorStatus(name) is > 0 and var mapped ? mapped : name switch
    {
        "message_too_big" => StatusCodes.Status413PayloadTooLarge,
        "idle_timeout" => StatusCodes.Status408RequestTimeout,
        "unavailable" => StatusCodes.Status503ServiceUnavailable,
        _ => 0,
    };

    /// <summary>Records the first failure (later ones are its consequences) and cancels the handler's token; returns the first.</summary>
    private Exception Fail(ServiceError error)
    {
        _failure ??= ExceptionDispatchInfo.Capture(error);
        _aborted.Cancel();
        return _failure.SourceException;
    }

    private void OnIdle()
    {
        _idleTimedOut = true;
        _aborted.Cancel();
    }

    /// <summary>A stream's body is as long as the client keeps sending, and may pause between lines.</summary>
    private void AllowStreamingBody()
    {
        if (_context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        if (_context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }
    }

    /// <summary>JSON Lines by its media type (<c>application/x-ndjson</c>, <c>application/jsonl</c>), or a body that does not say.</summary>
    private static bool IsJsonLines(string? contentType) =>
        contentType is null
        || (MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && (parsed.MediaType.Equals(JsonLinesWriter.MediaType, StringComparison.OrdinalIgnoreCase)
                || parsed.MediaType.Equals("application/jsonl", StringComparison.OrdinalIgnoreCase)));

    public ValueTask DisposeAsync()
    {
        _stoppingRegistration.Dispose();
        _aborted.Dispose();
        _receiveLock.Dispose();
        GC.SuppressFinalize(this);
        return default;
    }
}
