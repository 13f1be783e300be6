namespace StreamGen.Runtime;

using global::System;
using global::System.Buffers;
using global::System.Collections.Generic;
using global::System.IO;
using global::System.Linq;
using global::System.Net.WebSockets;
using global::System.Runtime.CompilerServices;
using global::System.Runtime.ExceptionServices;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Channels;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.Hosting;
using global::Microsoft.Extensions.Logging;
using global::Microsoft.Extensions.Logging.Abstractions;
using global::Microsoft.Extensions.Options;

/// <summary>
/// The server end of one WebSocket stream, shared by the stream kinds (<see cref="WebSocketServerStreamingStream{TResult}"/>,
/// <see cref="WebSocketClientStreamingStream{TPayload}"/>, <see cref="WebSocketBidirectionalStream{TPayload, TResult}"/> ...), which
/// add only their typed operations; <see cref="ServeAsync"/> runs a method's handler on it.
/// The connection is upgraded at the first stream operation, so the view chosen with SetView travels in the upgrade's
/// Goa-View header and an error raised before it still gets a plain HTTP error response. Messages are written by
/// <see cref="WebSocketFrameWriter"/>; a receive loop decodes and validates incoming ones ahead of the handler and notices
/// when the client leaves, which cancels the handler's token.
/// </summary>
public abstract partial class WebSocketServerStream<TReceive, TSend> : IServerStream, IServedStream
{
    /// <summary>The receive buffer a message is first read into (pooled), doubled up to MaxMessageSize.</summary>
    private const int InitialReceiveBufferSize = 4096;

    private readonly HttpContext _context;
    private readonly JsonTypeInfo<TReceive>? _receiveInfo;
    private readonly JsonTypeInfo<TSend>? _sendInfo;
    private readonly StreamGenWebSocketOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenSource _aborted;
    private Exception? _abortReason;
    private readonly CancellationTokenRegistration _stoppingRegistration;
    private readonly IdleWatch _idleWatch = new();
    private Task _idleLoop = Task.CompletedTask;
    private readonly object _gate = new();
    private Task? _upgrade;
    private WebSocketFrameWriter? _frames;
    private WebSocket? _socket;
    private Channel<TReceive>? _received;
    private Task _receiveLoop = Task.CompletedTask;
    private Task? _closing;
    private string? _view;
    private bool _clientEnded;
    private bool _peerLeft;

    protected WebSocketServerStream(HttpContext context, JsonTypeInfo<TReceive>? receiveInfo, JsonTypeInfo<TSend>? sendInfo)
    {
        _context = context;
        _receiveInfo = receiveInfo;
        _sendInfo = sendInfo;
        var services = context.RequestServices;
        _options = services.GetService<IOptions<StreamGenWebSocketOptions>>()?.Value ?? new StreamGenWebSocketOptions();
        _logger = services.GetService<ILoggerFactory>()?.CreateLogger(LogCategories.WebSockets) ?? NullLogger.Instance;
        _stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? default;
        _aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        _stoppingRegistration = ShutdownGrace.Register(_aborted, _stopping, receives: receiveInfo is not null, _options.ShutdownGracePeriod);
    }

    /// <summary>
    /// The handler's token: canceled when the client leaves, the connection drops or the server shuts down (for a stream
    /// that receives, after <see cref="StreamGenWebSocketOptions.ShutdownGracePeriod"/>: see <see cref="ShutdownGrace"/>).
    /// </summary>
    public CancellationToken Aborted => _aborted.Token;

    public bool IsUpgraded => _frames is not null;

    /// <summary>Validates a received message: the design's rules of its type (see <see cref="Validation"/>).</summary>
    protected virtual void ValidateReceived(TReceive message, ref ValidationErrors? errors) => Validation.Validate(message, "message", ref errors);

    protected void SetViewCore(string view)
    {
        if (_upgrade is not null)
        {
            throw new InvalidOperationException("SetView must be called before the first message is sent or received.");
        }

        _view = view;
    }

    /// <inheritdoc/>
    public ValueTask OpenAsync(CancellationToken cancellationToken = default) => OpenCoreAsync(cancellationToken);

    /// <summary>
    /// Serves one request with a method's handler: a request that is not a WebSocket upgrade gets 426 Upgrade Required
    /// (with Goa's error body), one from an address that has <see cref="StreamGenWebSocketOptions.MaxStreamsPerClient"/>
    /// streams open 429 Too Many Requests (<c>too_many_streams</c>); otherwise the handler runs with <see cref="Aborted"/> as its token and the stream ends as
    /// <see cref="CompleteAsync"/> says. <paramref name="errorStatus"/> maps the design's error names to HTTP statuses
    /// for errors raised before the upgrade (0: the default).
    /// </summary>
    public async Task ServeAsync(Func<string, int> errorStatus, Func<CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!WebSocketAcceptor.IsWebSocketRequest(_context))
        {
            _context.Response.Headers.Upgrade = "websocket";
            await HttpErrors.WriteAsync(_context, new ServiceError("upgrade_required", "this route streams over a WebSocket: send a WebSocket upgrade request"), static _ => StatusCodes.Status426UpgradeRequired).ConfigureAwait(false);
            return;
        }

        var (admitted, lease) = await ClientStreamCounter.AdmitAsync(_context, _options.MaxStreamsPerClient).ConfigureAwait(false);
        using var admission = lease;
        if (!admitted)
        {
            return;
        }

        Exception? failure = null;
        try
        {
            await handler(Aborted).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }

        await CompleteAsync(failure, errorStatus).ConfigureAwait(false);
    }

    /// <summary>Upgrades now (see <see cref="IServerStream.OpenAsync"/>).</summary>
    protected async ValueTask OpenCoreAsync(CancellationToken cancellationToken)
    {
        await UpgradeAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await _frames!.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    protected ValueTask SendCoreAsync(TSend message, CancellationToken cancellationToken)
    {
        _idleWatch.Touch();
        if (_frames is { } frames && !_aborted.IsCancellationRequested)
        {
            return frames.WriteTextAsync(message, _sendInfo!, cancellationToken);
        }

        return SendSlowAsync(message, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendSlowAsync(TSend message, CancellationToken cancellationToken)
    {
        _aborted.Token.ThrowIfCancellationRequested();
        await UpgradeAsync().ConfigureAwait(false);
        _aborted.Token.ThrowIfCancellationRequested();
        await _frames!.WriteTextAsync(message, _sendInfo!, cancellationToken).ConfigureAwait(false);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    protected async ValueTask<Received<TReceive>> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        if (!IsUpgraded)
        {
            await UpgradeAsync().ConfigureAwait(false);
        }

        if (_received is null)
        {
            // This stream accepts no messages (a server stream): its end is all there is to receive.
            return default;
        }

        var reader = _received.Reader;
        if (reader.TryRead(out var message))
        {
            return new Received<TReceive>(true, message);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _aborted.Token);
        try
        {
            while (await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false))
            {
                if (reader.TryRead(out message))
                {
                    return new Received<TReceive>(true, message);
                }
            }
        }
        catch (ChannelClosedException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        catch (OperationCanceledException) when (Volatile.Read(ref _abortReason) is { } reason and not OperationCanceledException)
        {
            // A rejected message or a lost connection also cancels the handler's token; whoever receives after it gets
            // the reason, not just the cancellation.
            ExceptionDispatchInfo.Throw(reason);
        }

        return default;
    }

    /// <summary>Every message until the end of the stream (see <see cref="ReceivedMessages"/>).</summary>
    protected IAsyncEnumerable<TReceive> ReadAllCoreAsync(CancellationToken cancellationToken) =>
        ReceivedMessages.ReadAllAsync(ReceiveCoreAsync, cancellationToken);

    /// <summary>Sends the last message and ends the stream (client streaming with a result).</summary>
    protected async ValueTask SendAndCloseCoreAsync<TResult>(TResult result, JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken)
    {
        await UpgradeAsync().ConfigureAwait(false);
        await _frames!.WriteTextAsync(result, resultInfo, cancellationToken).ConfigureAwait(false);
        await CloseAsync(WebSocketCloseStatus.NormalClosure, "").ConfigureAwait(false);
    }

    private Task UpgradeAsync()
    {
        lock (_gate)
        {
            return _upgrade ??= UpgradeCoreAsync();
        }
    }

    private async Task UpgradeCoreAsync()
    {
        var stream = await WebSocketAcceptor.AcceptAsync(_context, _view).ConfigureAwait(false);
        var frames = new WebSocketFrameWriter(stream, _options.SendHighWaterMark, _options.SendQueueLimit, _options.StallTimeout)
        {
            Stalled = CutOff,
            ControlStreamClosing = AbortIfSocketAborted,
        };
        _socket = WebSocket.CreateFromStream(frames.ControlStream, new WebSocketCreationOptions
        {
            IsServer = true,
            KeepAliveInterval = _options.KeepAliveInterval,
            KeepAliveTimeout = _options.KeepAliveTimeout,
        });
        if (_receiveInfo is not null)
        {
            // A server stream receives no message, so it needs no queue (the loop only waits for the client's close).
            _received = Channel.CreateBounded<TReceive>(new BoundedChannelOptions(_options.ReceiveQueueCapacity)
            {
                SingleReader = false,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }
        _frames = frames;
        _receiveLoop = ReceiveLoopAsync();
        _idleLoop = _idleWatch.RunAsync(_options.IdleTimeout, OnIdle, _aborted.Token);
        if (!OriginPolicy.Allows(_context, _options.AllowedOrigins))
        {
            Fail(WebSocketCloseStatus.PolicyViolation, new ServiceError("forbidden", "origin not allowed"));
        }
    }

    private async Task ReceiveLoopAsync()
    {
        byte[]? buffer = null;
        try
        {
            while (true)
            {
                // Wait for the next frame's header with an empty buffer, and hold a pooled buffer only while a message
                // is read: a stream that receives nothing (a server stream, for its whole life) or waits between
                // messages keeps no receive buffer, the largest part of an idle subscriber's memory that is ours. A
                // buffer from the previous message is kept when the next one has already arrived.
                var next = _socket!.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                if (!next.IsCompleted && buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = null;
                }

                var result = await next.ConfigureAwait(false);

                // After a rejection the loop keeps reading (and discards) until the client's close frame, so the close
                // handshake completes and the client sees the code and reason instead of a reset connection.
                var length = 0;
                var discard = _closing is not null;
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close)
                {
                    buffer ??= ArrayPool<byte>.Shared.Rent(Math.Min(InitialReceiveBufferSize, _options.MaxMessageSize + 1));
                    if (!discard && length == buffer.Length)
                    {
                        if (buffer.Length >= _options.MaxMessageSize)
                        {
                            RejectTooBig();
                            discard = true;
                            length = 0;
                        }
                        else
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxMessageSize + 1));
                            buffer.AsSpan(0, length).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                    }

                    result = await _socket.ReceiveAsync(buffer.AsMemory(discard ? 0 : length), CancellationToken.None).ConfigureAwait(false);
                    if (!discard)
                    {
                        length += result.Count;
                    }
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_closing is not null)
                    {
                        return;
                    }

                    _peerLeft = !_clientEnded;
                    if (_peerLeft)
                    {
                        LogClientLeft(_logger, _context.Request.Path);
                        AbortHandler(new OperationCanceledException("The client closed the stream."));
                    }
                    else
                    {
                        _received?.Writer.TryComplete();
                    }

                    return;
                }

                if (discard)
                {
                    continue;
                }

                if (length > _options.MaxMessageSize)
                {
                    RejectTooBig();
                    continue;
                }

                if (result.MessageType == WebSocketMessageType.Binary && _closing is null)
                {
                    Fail(WebSocketCloseStatus.InvalidMessageType, new ServiceError("unsupported_data", "messages are JSON text frames, not binary"));
                    continue;
                }

                _idleWatch.Touch();
                var decoded = Decode(buffer.AsSpan(0, length), out var message);
                if (decoded == Decoded.Message && !_received!.Writer.TryWrite(message!))
                {
                    // The handler is behind: stop reading the socket until it catches up (TCP then slows the client down).
                    try
                    {
                        await _received.Writer.WriteAsync(message!, _aborted.Token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is ChannelClosedException or OperationCanceledException && _closing is not null)
                    {
                        // Closing: keep reading until the client's close frame, discarding messages.
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            if (_closing is null)
            {
                _peerLeft = true;
                AbortHandler(new StreamClosedException(null, "connection_lost", "the connection was lost", e));
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private void RejectTooBig()
    {
        if (_closing is null)
        {
            Fail(WebSocketCloseStatus.MessageTooBig, new ServiceError("message_too_big", $"a message exceeds {_options.MaxMessageSize} bytes"));
        }
    }

    private enum Decoded
    {
        Nothing,
        Message,
        Stop,
    }

    /// <summary>Decodes and validates one message; the JSON <c>null</c> ends the client's stream.</summary>
    private Decoded Decode(ReadOnlySpan<byte> payload, out TReceive? message)
    {
        message = default;
        if (_closing is not null)
        {
            return Decoded.Nothing;
        }

        if (IsNull(payload))
        {
            _clientEnded = true;
            _received?.Writer.TryComplete();
            return Decoded.Nothing;
        }

        if (_receiveInfo is null || _clientEnded)
        {
            Fail(WebSocketCloseStatus.PolicyViolation, new ServiceError("unexpected_message", _clientEnded ? "a message followed the end of the stream" : "this stream accepts no messages"));
            return Decoded.Stop;
        }

        try
        {
            message = JsonSerializer.Deserialize(payload, _receiveInfo);
        }
        catch (JsonException e)
        {
            Fail(WebSocketCloseStatus.InvalidPayloadData, JsonDecoding.Error(e));
            return Decoded.Stop;
        }

        ValidationErrors? errors = null;
        ValidateReceived(message!, ref errors);
        if (errors is not null)
        {
            Fail(WebSocketCloseStatus.InvalidPayloadData, errors.ToException());
            return Decoded.Stop;
        }

        return Decoded.Message;
    }

    private static bool IsNull(ReadOnlySpan<byte> payload) => payload.Trim(" \t\r\n"u8).SequenceEqual("null"u8);

    /// <summary>
    /// Ends the handler's side of the stream for <paramref name="reason"/>: the token is canceled before the receive
    /// queue fails, so a handler that sees the reason (or the cancellation) always finds its token canceled too; a
    /// handler that checks <c>cancellationToken.IsCancellationRequested</c> in a catch filter never mistakes a client
    /// that left for its own failure.
    /// </summary>
    private void AbortHandler(Exception reason)
    {
        if (!_clientEnded)
        {
            // After the client's end of stream the handler has read everything there was: it sees the end, then the
            // cancellation, not a reason to fail its receive.
            Volatile.Write(ref _abortReason, reason);
        }

        _aborted.Cancel();
        _received?.Writer.TryComplete(reason);
    }

    /// <summary>A message broke the protocol: close with <paramref name="status"/> now; RecvAsync throws <paramref name="error"/>.</summary>
    private void Fail(WebSocketCloseStatus status, ServiceError error)
    {
        LogMessageRejected(_logger, _context.Request.Path, (int)status, error.Name, error.Message);
        _ = CloseAsync(status, StreamClosedException.Reason(error.Name, error.Message));
        AbortHandler(error);
    }

    /// <summary>
    /// No message moved for the idle timeout: close with 1001 (RFC 6455's "going away": the server abandons a stream
    /// nobody uses, the peer did nothing wrong and may open another), reason <c>idle_timeout: ...</c>; the handler's
    /// token is canceled.
    /// </summary>
    private void OnIdle()
    {
        if (_closing is not null)
        {
            return;
        }

        var error = IdleWatch.Error(_options.IdleTimeout);
        LogIdle(_logger, _context.Request.Path, error.Message);
        _ = CloseAsync(WebSocketCloseStatus.EndpointUnavailable, StreamClosedException.Reason(error.Name, error.Message));
        AbortHandler(error);
    }

    /// <summary>The WebSocket gave up on the connection (a ping went unanswered): end the read in progress too.</summary>
    private void AbortIfSocketAborted()
    {
        if (_socket?.State == WebSocketState.Aborted)
        {
            LogClientUnresponsive(_logger, _context.Request.Path);
            _context.Abort();
        }
    }

    /// <summary>The client stopped reading: close with 1008 after what it was already sent; the handler's token is canceled.</summary>
    private void CutOff(StreamStalledException error)
    {
        if (_closing is not null)
        {
            return;
        }

        LogClientStalled(_logger, _context.Request.Path, error.Message);
        _ = CloseAsync(WebSocketCloseStatus.PolicyViolation, StreamClosedException.Reason(error.Name, error.Message));
        AbortHandler(error);
    }

    /// <summary>
    /// Ends the stream once the handler has returned: 1000 when it succeeded, 1007 for a validation error, 1011 for any
    /// other error (logged; a fault's details are not sent), 1001 when the server is shutting down. Before the upgrade,
    /// an error becomes a plain HTTP error response with the design's status.
    /// </summary>
    public async Task CompleteAsync(Exception? failure, Func<string, int> errorStatus)
    {
        if (_upgrade is null)
        {
            if (_context.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            if (failure is not null && !_stopping.IsCancellationRequested)
            {
                await HttpErrors.WriteAsync(_context, failure, errorStatus).ConfigureAwait(false);
                return;
            }

            await UpgradeAsync().ConfigureAwait(false);
        }
        else
        {
            await _upgrade.ConfigureAwait(false);
        }

        if (_closing is null)
        {
            var (status, reason) = CloseFor(failure);
            await CloseAsync(status, reason).ConfigureAwait(false);
        }

        await _closing!.ConfigureAwait(false);
    }

    private (WebSocketCloseStatus Status, string Reason) CloseFor(Exception? failure)
    {
        if (_stopping.IsCancellationRequested && (failure is not null || _receiveInfo is null))
        {
            // A receiving handler that finished within the grace period ends as it would have; any other is cut.
            return (WebSocketCloseStatus.EndpointUnavailable, "going_away: the server is shutting down");
        }

        switch (failure)
        {
            case null:
                return (WebSocketCloseStatus.NormalClosure, "");
            case OperationCanceledException when _peerLeft:
                return (WebSocketCloseStatus.NormalClosure, "");
            case StreamStalledException stalled:
                // A queue feeding the stream cut it off: what is still pending for the peer is not sent.
                _frames!.DiscardPending();
                LogClientStalled(_logger, _context.Request.Path, stalled.Message);
                return (WebSocketCloseStatus.PolicyViolation, StreamClosedException.Reason(stalled.Name, stalled.Message));
            case ValidationException validation:
                return (WebSocketCloseStatus.InvalidPayloadData, StreamClosedException.Reason(validation.Name, validation.Message));
            case ServiceError { Fault: false } error:
                LogHandlerError(_logger, _context.Request.Path, error.Name, error.Message);
                return (WebSocketCloseStatus.InternalServerError, StreamClosedException.Reason(error.Name, error.Message));
            default:
                var fault = failure as ServiceError ?? ServiceError.Internal(failure);
                LogHandlerFault(_logger, failure, _context.Request.Path, fault.Id);
                return (WebSocketCloseStatus.InternalServerError, StreamClosedException.Reason("fault", $"internal error (id {fault.Id})"));
        }
    }

    private Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        lock (_gate)
        {
            return _closing ??= CloseCoreAsync(status, reason);
        }
    }

    private async Task CloseCoreAsync(WebSocketCloseStatus status, string reason)
    {
        using var timeout = new CancellationTokenSource(_options.CloseTimeout);
        try
        {
            await _frames!.FlushAsync(timeout.Token).ConfigureAwait(false);
            _frames.Complete();
            if (_socket!.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
            }

            _received?.Writer.TryComplete();
            await _receiveLoop.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or WebSocketException or IOException or ObjectDisposedException)
        {
            _socket?.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_upgrade is not null && _closing is null)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, "").ConfigureAwait(false);
        }

        if (_closing is not null)
        {
            await _closing.ConfigureAwait(false);
        }

        // The stream is over: the idle watch (if any) stops with the handler's token.
        await _aborted.CancelAsync().ConfigureAwait(false);
        await _idleLoop.ConfigureAwait(false);
        _socket?.Dispose();
        _frames?.Release();
        await _stoppingRegistration.DisposeAsync().ConfigureAwait(false);
        _aborted.Dispose();
        GC.SuppressFinalize(this);
    }

    [LoggerMessage(1, LogLevel.Debug, "The client left the stream {Path}")]
    private static partial void LogClientLeft(ILogger logger, PathString path);

    [LoggerMessage(2, LogLevel.Information, "Closing stream {Path} with {Status}: a received message was rejected ({Name}: {Message})")]
    private static partial void LogMessageRejected(ILogger logger, PathString path, int status, string name, string message);

    [LoggerMessage(3, LogLevel.Warning, "The handler of {Path} returned error {Name}: {Message}")]
    private static partial void LogHandlerError(ILogger logger, PathString path, string name, string message);

    [LoggerMessage(4, LogLevel.Error, "The handler of {Path} failed (error id {Id})")]
    private static partial void LogHandlerFault(ILogger logger, Exception exception, PathString path, string id);

    [LoggerMessage(7, LogLevel.Information, "Closing stream {Path} with 1001: {Message}")]
    private static partial void LogIdle(ILogger logger, PathString path, string message);

    [LoggerMessage(6, LogLevel.Information, "Dropped stream {Path}: the client answered no ping in time, or the connection was aborted")]
    private static partial void LogClientUnresponsive(ILogger logger, PathString path);

    [LoggerMessage(5, LogLevel.Information, "Closing stream {Path} with 1008: {Message}")]
    private static partial void LogClientStalled(ILogger logger, PathString path, string message);
}
