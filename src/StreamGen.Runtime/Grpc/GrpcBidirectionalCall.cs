namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;

/// <summary>
/// The client end of a bidirectional RPC (design: <c>streamingPayload</c> and <c>streamingResult</c>): the client sends
/// and receives at once; ending its stream leaves results flowing until the server ends the call.
/// </summary>
public abstract class GrpcBidirectionalCall<TPayload, TRequest, TResult, TResponse>(
    AsyncDuplexStreamingCall<TRequest, TResponse> call, Metadata headers, Func<TPayload, TRequest> toProto, Func<TResponse, TResult> fromProto)
    : GrpcClientStream<TPayload, TRequest, TResult, TResponse>(call, call.RequestStream, call.ResponseStream, headers, toProto, fromProto),
    IClientStream, IStreamSender<TPayload>, IMessageReceiver<TResult>, IStreamCloser
{
    public ValueTask SendAsync(TPayload message, CancellationToken cancellationToken = default) => SendCoreAsync(message, cancellationToken);

    public ValueTask<Received<TResult>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);

    public ValueTask CloseAsync(CancellationToken cancellationToken = default) => CloseSendingAsync(cancellationToken);

    /// <summary>The response headers once the server opened the stream; the server's error (and the call disposed) when it failed first.</summary>
    public static Task<Metadata> OpenAsync(AsyncDuplexStreamingCall<TRequest, TResponse> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return OpenCallAsync(call, call.ResponseHeadersAsync, () => call.ResponseStream.MoveNext(cancellationToken));
    }
}
