namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Runtime.CompilerServices;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;

/// <summary>
/// The client end of one gRPC stream, shared by the client stream kinds (<see cref="GrpcServerStreamingCall{TResult, TResponse}"/>,
/// <see cref="GrpcClientStreamingCall{TPayload, TRequest, TResponse}"/>, <see cref="GrpcBidirectionalCall{TPayload, TRequest, TResult, TResponse}"/> ...):
/// design operations over grpc-dotnet's call, with conversion, validation of every received message, and
/// <see cref="ServiceError"/>s instead of RpcExceptions.
/// </summary>
public abstract class GrpcClientStream<TSend, TSendMessage, TReceive, TReceiveMessage>(
    IDisposable call,
    IClientStreamWriter<TSendMessage>? requests,
    IAsyncStreamReader<TReceiveMessage>? responses,
    Metadata headers,
    Func<TSend, TSendMessage>? toProto,
    Func<TReceiveMessage, TReceive>? fromProto) : IAsyncDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private bool _sendingEnded;

    /// <summary>The goa-view response header: the view the server renders messages in.</summary>
    protected string? ViewName { get; } = headers.GetValue("goa-view");

    /// <summary>Validates a received message: the design's rules of its type (see <see cref="Validation"/>); viewed streams add the view's.</summary>
    protected virtual void ValidateReceived(TReceive message, ref ValidationErrors? errors) => Validation.Validate(message, "message", ref errors);

    /// <summary>
    /// Waits until the server opened the stream. When the handler failed before its first stream operation, the response is
    /// trailers-only and its "headers" already name the error (<c>goa-error</c>): the call is settled through
    /// <paramref name="settle"/> so the error is thrown here as a <see cref="ServiceError"/>, as over WebSockets.
    /// </summary>
    public static async Task<Metadata> OpenAsync(Task<Metadata> responseHeaders, Func<Task> settle)
    {
        try
        {
            var headers = await responseHeaders.ConfigureAwait(false);
            if (headers.GetValue(GrpcErrors.ErrorNameKey) is not null)
            {
                await settle().ConfigureAwait(false);
            }

            return headers;
        }
        catch (RpcException e)
        {
            throw GrpcErrors.FromRpcException(e);
        }
    }

    /// <summary>As <see cref="OpenAsync(Task{Metadata}, Func{Task})"/>, disposing <paramref name="call"/> when the stream does not open.</summary>
    protected static async Task<Metadata> OpenCallAsync(IDisposable call, Task<Metadata> responseHeaders, Func<Task> settle)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await OpenAsync(responseHeaders, settle).ConfigureAwait(false);
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    protected async ValueTask SendCoreAsync(TSend message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_sendingEnded)
            {
                throw new InvalidOperationException("The sending half of the stream is closed.");
            }

            await requests!.WriteAsync(toProto!(message), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The send was canceled.", e, cancellationToken);
        }
        catch (RpcException e)
        {
            throw GrpcErrors.FromRpcException(e);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The next message, converted and validated; synchronous when grpc-dotnet has it buffered.</summary>
    protected ValueTask<Received<TReceive>> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        var moving = responses!.MoveNext(cancellationToken);
        return moving.IsCompletedSuccessfully
            ? new ValueTask<Received<TReceive>>(Deliver(moving.Result))
            : ReceiveSlowAsync(moving, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Received<TReceive>> ReceiveSlowAsync(Task<bool> moving, CancellationToken cancellationToken)
    {
        try
        {
            return Deliver(await moving.ConfigureAwait(false));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The receive was canceled.", e, cancellationToken);
        }
        catch (RpcException e)
        {
            throw GrpcErrors.FromRpcException(e);
        }
    }

    private Received<TReceive> Deliver(bool moved)
    {
        if (!moved)
        {
            return default;
        }

        var message = fromProto!(responses!.Current);
        ValidationErrors? errors = null;
        ValidateReceived(message, ref errors);
        if (errors is not null)
        {
            call.Dispose();
            throw errors.ToException();
        }

        return new Received<TReceive>(true, message);
    }

    /// <summary>Every message until the end of the stream (see <see cref="ReceivedMessages"/>).</summary>
    protected IAsyncEnumerable<TReceive> ReadAllCoreAsync(CancellationToken cancellationToken) =>
        ReceivedMessages.ReadAllAsync(ReceiveCoreAsync, cancellationToken);

    protected async ValueTask CloseSendingAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_sendingEnded)
            {
                _sendingEnded = true;
                await requests!.CompleteAsync().ConfigureAwait(false);
            }
        }
        catch (RpcException e)
        {
            throw GrpcErrors.FromRpcException(e);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    protected async ValueTask<TResult> CloseAndReceiveCoreAsync<TResultMessage, TResult>(
        Task<TResultMessage> response, Func<TResultMessage, TResult> convert, Func<TResult, ValidationErrors?> validate, CancellationToken cancellationToken)
    {
        await CloseSendingAsync(cancellationToken).ConfigureAwait(false);
        TResult result;
        try
        {
            result = convert(await response.WaitAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (RpcException e)
        {
            throw GrpcErrors.FromRpcException(e);
        }

        return validate(result) is { } errors ? throw errors.ToException() : result;
    }

    public ValueTask DisposeAsync()
    {
        call.Dispose();
        _writeLock.Dispose();
        GC.SuppressFinalize(this);
        return default;
    }
}
