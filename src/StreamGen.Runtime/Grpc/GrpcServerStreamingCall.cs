namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;

/// <summary>
/// The client end of a server-streaming RPC (design: <c>streamingResult</c>): the client receives results, converted and
/// validated, until the server ends the call. <see cref="OpenAsync(AsyncServerStreamingCall{TResponse}, CancellationToken)"/>
/// waits until the server opened the stream.
/// </summary>
public abstract class GrpcServerStreamingCall<TResult, TResponse>(AsyncServerStreamingCall<TResponse> call, Metadata headers, Func<TResponse, TResult> fromProto)
    : GrpcClientStream<NoMessage, NoMessage, TResult, TResponse>(call, null, call.ResponseStream, headers, null, fromProto), IClientStream, IMessageReceiver<TResult>
{
    public ValueTask<Received<TResult>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);

    /// <summary>The response headers once the server opened the stream; the server's error (and the call disposed) when it failed first.</summary>
    public static Task<Metadata> OpenAsync(AsyncServerStreamingCall<TResponse> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return OpenCallAsync(call, call.ResponseHeadersAsync, () => call.ResponseStream.MoveNext(cancellationToken));
    }
}
