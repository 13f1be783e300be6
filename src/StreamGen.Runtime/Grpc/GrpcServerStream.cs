namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Runtime.CompilerServices;
using global::System.Runtime.ExceptionServices;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;
using global::Microsoft.Extensions.Logging;

/// <summary>
/// The server end of one gRPC stream, shared by the generated stream classes: it wraps grpc-dotnet's reader and writer
/// into the design's stream operations, converting and validating messages. As over WebSockets, the stream opens (response
/// headers, with <c>goa-view</c>) at the first stream operation or <c>OpenAsync</c>. Sends are queued (one short lock) for one
/// writer task, which takes the whole queue at a time and writes it with <see cref="WriteFlags.BufferHint"/> but for the last
/// message, so a burst leaves in one flush instead of one per message; concurrent sends are safe and a slow client makes
/// senders wait once the queue is full (<see cref="StreamGenGrpcOptions.SendQueueLimit"/>); a client that takes nothing
/// for <see cref="StreamGenGrpcOptions.StallTimeout"/> is cut off (RESOURCE_EXHAUSTED, the handler's token canceled).
/// Shared by the stream kinds (<see cref="GrpcServerStreamingStream{TResult, TResponse}"/>,
/// <see cref="GrpcClientStreamingStream{TPayload, TRequest, TResponse}"/>, <see cref="GrpcBidirectionalStream{TPayload, TRequest, TResult, TResponse}"/> ...),
/// which add their typed operations and the call that runs a method's handler.
/// </summary>
public abstract class GrpcServerStream<TReceive, TReceiveMessage, TSend, TSendMessage> : IServerStream, IThreadPoolWorkItem
{
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);
    private readonly IAsyncStreamReader<TReceiveMessage>? _requests;
    private readonly IServerStreamWriter<TSendMessage>? _responses;
    private readonly ServerCallContext _context;
    private readonly Func<TReceiveMessage, TReceive>? _fromProto;
    private readonly Func<TSend, TSendMessage>? _toProto;
    private readonly StreamGenGrpcOptions _options;
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenSource _aborted;
    private readonly CancellationTokenRegistration _stoppingRegistration;
    private readonly IdleWatch _idleWatch = new();
    private bool _idleTimedOut;
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private readonly object _gate = new();
    private List<TSendMessage> _pending = [];
    private List<TSendMessage> _writing = [];
    private bool _writerRunning;
    private Exception? _fault;
    private StreamStalledException? _stalled;
    private TaskCompletionSource? _drained;
    private TaskCompletionSource? _idle;
    private string? _view;
    private bool _opened;

    protected GrpcServerStream(
        IAsyncStreamReader<TReceiveMessage>? requests,
        IServerStreamWriter<TSendMessage>? responses,
        ServerCallContext context,
        Func<TReceiveMessage, TReceive>? fromProto,
        Func<TSend, TSendMessage>? toProto)
    {
        _requests = requests;
        _responses = responses;
        _context = context;
        _fromProto = fromProto;
        _toProto = toProto;
        _options = GrpcStreamOptionsInterceptor.For(context);
        _stopping = GrpcStreamOptionsInterceptor.Stopping(context);
        _aborted = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        _stoppingRegistration = ShutdownGrace.Register(_aborted, _stopping, receives: requests is not null, _options.ShutdownGracePeriod);
    }

    /// <summary>Validates a received message: the design's rules of its type (see <see cref="Validation"/>).</summary>
    protected virtual void ValidateReceived(TReceive message, ref ValidationErrors? errors) => Validation.Validate(message, "message", ref errors);

    /// <inheritdoc/>
    public ValueTask OpenAsync(CancellationToken cancellationToken = default) => OpenCoreAsync(cancellationToken);

    /// <summary>
    /// Runs a method's handler on this stream, with the call's token (also canceled when the client stalls or the server
    /// shuts down, which ends the call with UNAVAILABLE): when it returns (or fails), the messages it sent are
    /// written before the call ends, and its error, if any, becomes the call's status (see <see cref="GrpcErrors.ToRpcException"/>).
    /// </summary>
    protected async Task ServeCoreAsync(Func<string, StatusCode?> errorStatus, ILogger logger, Func<CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            ExceptionDispatchInfo? failure = null;
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(_aborted.Token);
            var idle = _idleWatch.RunAsync(_options.IdleTimeout, OnIdle, watching.Token);
            try
            {
                await handler(_aborted.Token).ConfigureAwait(false);
                OnHandlerReturned();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }

            await watching.CancelAsync().ConfigureAwait(false);
            await idle.ConfigureAwait(false);
            if (_idleTimedOut)
            {
                // Goa's timeout errors are DEADLINE_EXCEEDED over gRPC: the idle deadline passed, nothing was wrong with the call.
                failure = ExceptionDispatchInfo.Capture(new RpcException(new Status(StatusCode.DeadlineExceeded, StreamClosedReason(IdleWatch.Error(_options.IdleTimeout)))));
            }
            else if (_stalled is { } stalled)
            {
                // Whatever the handler saw (a canceled token, a failed send), the call ends as a stalled one.
                failure = ExceptionDispatchInfo.Capture(stalled);
            }
            else if (_stopping.IsCancellationRequested && !_context.CancellationToken.IsCancellationRequested && (failure is not null || _requests is null))
            {
                // Graceful shutdown: what the handler sent is still written, then the call ends as UNAVAILABLE (retry
                // elsewhere); a receiving handler that finished within the grace period ends as it would have.
                failure = ExceptionDispatchInfo.Capture(new RpcException(new Status(StatusCode.Unavailable, "the server is shutting down")));
            }

            try
            {
                await CompleteAsync().ConfigureAwait(false);
            }
            catch when (failure is not null)
            {
                // The handler's own error is the one to report.
            }

            failure?.Throw();
        }
        catch (Exception e)
        {
            throw GrpcErrors.ToRpcException(e, errorStatus, _context, logger);
        }
        finally
        {
            _stoppingRegistration.Dispose();
            lock (_gate)
            {
                _aborted.Dispose();
            }
        }
    }

    /// <summary>No message moved for the idle timeout: the handler's token is canceled and the call ends with DEADLINE_EXCEEDED.</summary>
    private void OnIdle()
    {
        _idleTimedOut = true;
        lock (_gate)
        {
            try
            {
                _aborted.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The call ended meanwhile.
            }
        }
    }

    private static string StreamClosedReason(ServiceError error) => $"{error.Name}: {error.Message}";

    /// <summary>Called when the handler has returned without an error; what it throws is the call's error.</summary>
    protected virtual void OnHandlerReturned()
    {
    }

    protected void SetViewCore(string view)
    {
        if (_opened)
        {
            throw new InvalidOperationException("SetView must be called before the first message is sent or received.");
        }

        _view = view;
    }

    protected async ValueTask OpenCoreAsync(CancellationToken cancellationToken)
    {
        await _openLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_opened)
            {
                _opened = true;
                var headers = new Metadata();
                if (_view is not null)
                {
                    headers.Add("goa-view", _view);
                }

                await _context.WriteResponseHeadersAsync(headers).ConfigureAwait(false);
            }
        }
        finally
        {
            _openLock.Release();
        }
    }

    protected ValueTask SendCoreAsync(TSend message, CancellationToken cancellationToken)
    {
        _idleWatch.Touch();
        var converted = _toProto!(message);
        lock (_gate)
        {
            if (_fault is null && _pending.Count < _options.SendQueueLimit)
            {
                _pending.Add(converted);
                StartWriterIfIdle();
                return default;
            }
        }

        return SendSlowAsync(converted, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendSlowAsync(TSendMessage message, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task drained;
            lock (_gate)
            {
                if (_fault is { } fault)
                {
                    ExceptionDispatchInfo.Throw(fault);
                }

                if (_pending.Count < _options.SendQueueLimit)
                {
                    _pending.Add(message);
                    StartWriterIfIdle();
                    return;
                }

                _drained ??= new(TaskCreationOptions.RunContinuationsAsynchronously);
                drained = _drained.Task;
            }

            await drained.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until every queued message is written; the RPC ends after this (the adapter calls it when the handler returns).</summary>
    public Task CompleteAsync()
    {
        lock (_gate)
        {
            if (_fault is { } fault)
            {
                return Task.FromException(fault);
            }

            if (!_writerRunning)
            {
                return Task.CompletedTask;
            }

            _idle ??= new(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    private void StartWriterIfIdle()
    {
        if (!_writerRunning)
        {
            _writerRunning = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute() => _ = WriteLoopAsync();

    private async Task WriteLoopAsync()
    {
        try
        {
            if (!_opened)
            {
                await OpenCoreAsync(_context.CancellationToken).ConfigureAwait(false);
            }

            while (true)
            {
                TaskCompletionSource? drained;
                lock (_gate)
                {
                    if (_pending.Count == 0)
                    {
                        _writerRunning = false;
                        var idle = _idle;
                        _idle = null;
                        idle?.TrySetResult();
                        return;
                    }

                    (_pending, _writing) = (_writing, _pending);
                    (drained, _drained) = (_drained, null);
                }

                drained?.TrySetResult();
                for (var i = 0; i < _writing.Count; i++)
                {
                    _responses!.WriteOptions = i < _writing.Count - 1 ? Buffered : null;
                    var write = _responses.WriteAsync(_writing[i]);
                    if (!write.IsCompleted && _options.StallTimeout > TimeSpan.Zero)
                    {
                        write = WatchAsync(write);
                    }

                    await write.ConfigureAwait(false);
                }

                _writing.Clear();
            }
        }
        catch (Exception e)
        {
            TaskCompletionSource? drained, idle;
            lock (_gate)
            {
                _fault = e;
                _writerRunning = false;
                _pending.Clear();
                (drained, _drained) = (_drained, null);
                (idle, _idle) = (_idle, null);
            }

            drained?.TrySetException(e);
            idle?.TrySetException(e);
        }
    }

    /// <summary>A write the client's flow control holds back: past the stall timeout the client is cut off.</summary>
    private async Task WatchAsync(Task write)
    {
        try
        {
            await write.WaitAsync(_options.StallTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var stalled = StreamStalledException.NoProgress(_options.StallTimeout);
            lock (_gate)
            {
                _stalled = stalled;
                try
                {
                    _aborted.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The call is already over.
                }
            }

            throw stalled;
        }
    }

    protected ValueTask<Received<TReceive>> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        if (_opened)
        {
            var moving = _requests!.MoveNext(cancellationToken);
            if (moving.IsCompletedSuccessfully)
            {
                return new ValueTask<Received<TReceive>>(Deliver(moving.Result));
            }

            return ReceiveSlowAsync(moving);
        }

        return OpenThenReceiveAsync(cancellationToken);
    }

    private async ValueTask<Received<TReceive>> OpenThenReceiveAsync(CancellationToken cancellationToken)
    {
        await OpenCoreAsync(cancellationToken).ConfigureAwait(false);
        return Deliver(await _requests!.MoveNext(cancellationToken).ConfigureAwait(false));
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Received<TReceive>> ReceiveSlowAsync(Task<bool> moving) =>
        Deliver(await moving.ConfigureAwait(false));

    private Received<TReceive> Deliver(bool moved)
    {
        if (!moved)
        {
            return default;
        }

        _idleWatch.Touch();

        var message = _fromProto!(_requests!.Current);
        ValidationErrors? errors = null;
        ValidateReceived(message, ref errors);
        return errors is null ? new Received<TReceive>(true, message) : throw errors.ToException();
    }

    /// <summary>Every message until the end of the stream (see <see cref="ReceivedMessages"/>).</summary>
    protected IAsyncEnumerable<TReceive> ReadAllCoreAsync(CancellationToken cancellationToken) =>
        ReceivedMessages.ReadAllAsync(ReceiveCoreAsync, cancellationToken);
}
