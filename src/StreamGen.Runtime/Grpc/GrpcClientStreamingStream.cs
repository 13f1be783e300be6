namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;
using global::Microsoft.Extensions.Logging;

/// <summary>
/// The server end of a client-streaming RPC without a result (design: <c>streamingPayload</c>, no <c>result</c>): the
/// handler receives the client's messages, converted and validated; when it returns, the call answers with the empty
/// response message.
/// </summary>
public abstract class GrpcClientStreamingStream<TPayload, TRequest, TResponse>(IAsyncStreamReader<TRequest> requests, ServerCallContext context, Func<TRequest, TPayload> fromProto)
    : GrpcServerStream<TPayload, TRequest, NoMessage, NoMessage>(requests, null, context, fromProto, null), IMessageReceiver<TPayload>
    where TResponse : new()
{
    public ValueTask<Received<TPayload>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);

    /// <summary>Runs the method's handler on this stream; its error, if any, becomes the call's status (<paramref name="errorStatus"/> maps design errors).</summary>
    public async Task<TResponse> ServeAsync(Func<string, StatusCode?> errorStatus, ILogger logger, Func<CancellationToken, Task> handler)
    {
        await ServeCoreAsync(errorStatus, logger, handler).ConfigureAwait(false);
        return new TResponse();
    }
}
