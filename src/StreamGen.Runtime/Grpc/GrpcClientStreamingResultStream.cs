namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;
using global::Microsoft.Extensions.Logging;

/// <summary>
/// The server end of a client-streaming RPC with a result (design: <c>streamingPayload</c> and <c>result</c>): the handler
/// receives the client's messages and ends with the result (Goa's SendAndClose), which becomes the response message. A
/// handler that returns without one fails the call (INTERNAL).
/// </summary>
public abstract class GrpcClientStreamingResultStream<TPayload, TRequest, TResult, TResponse>(
    IAsyncStreamReader<TRequest> requests, ServerCallContext context, Func<TRequest, TPayload> fromProto, Func<TResult, TResponse> toProto)
    : GrpcServerStream<TPayload, TRequest, NoMessage, NoMessage>(requests, null, context, fromProto, null), IMessageReceiver<TPayload>, IStreamResultSender<TResult>
{
    private TResult? _result;
    private bool _closed;
    private TResponse? _response;

    public ValueTask<Received<TPayload>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);

    public ValueTask SendAndCloseAsync(TResult result, CancellationToken cancellationToken = default)
    {
        _result = result;
        _closed = true;
        return default;
    }

    /// <summary>Runs the method's handler on this stream and answers with its result; an error becomes the call's status (<paramref name="errorStatus"/> maps design errors).</summary>
    public async Task<TResponse> ServeAsync(Func<string, StatusCode?> errorStatus, ILogger logger, Func<CancellationToken, Task> handler)
    {
        await ServeCoreAsync(errorStatus, logger, handler).ConfigureAwait(false);
        return _response!;
    }

    protected override void OnHandlerReturned() =>
        _response = _closed
            ? toProto(_result!)
            : throw new InvalidOperationException("The handler returned without calling SendAndCloseAsync.");
}
