namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;
using global::Microsoft.Extensions.Logging;

/// <summary>
/// The server end of a bidirectional RPC (design: <c>streamingPayload</c> and <c>streamingResult</c>): the handler sends
/// results and receives the client's messages at once; the call ends when it returns.
/// </summary>
public abstract class GrpcBidirectionalStream<TPayload, TRequest, TResult, TResponse>(
    IAsyncStreamReader<TRequest> requests, IServerStreamWriter<TResponse> responses, ServerCallContext context, Func<TRequest, TPayload> fromProto, Func<TResult, TResponse> toProto)
    : GrpcServerStream<TPayload, TRequest, TResult, TResponse>(requests, responses, context, fromProto, toProto), IStreamSender<TResult>, IMessageReceiver<TPayload>
{
    public ValueTask SendAsync(TResult message, CancellationToken cancellationToken = default) => SendCoreAsync(Render(message), cancellationToken);

    public ValueTask<Received<TPayload>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);

    /// <summary>Runs the method's handler on this stream; its error, if any, becomes the call's status (<paramref name="errorStatus"/> maps design errors).</summary>
    public Task ServeAsync(Func<string, StatusCode?> errorStatus, ILogger logger, Func<CancellationToken, Task> handler) => ServeCoreAsync(errorStatus, logger, handler);

    /// <summary>The message as it is sent: itself, or its projection in a view.</summary>
    protected virtual TResult Render(TResult message) => message;
}
