namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;

/// <summary>
/// The client end of a client-streaming RPC without a result (design: <c>streamingPayload</c>, no <c>result</c>): the
/// client sends messages, then ends its stream and waits for the server's (empty) response.
/// </summary>
public abstract class GrpcClientStreamingCall<TPayload, TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, Metadata headers, Func<TPayload, TRequest> toProto)
    : GrpcClientStream<TPayload, TRequest, NoMessage, NoMessage>(call, call.RequestStream, null, headers, toProto, null), IClientStream, IStreamSender<TPayload>, IStreamCloser
{
    public ValueTask SendAsync(TPayload message, CancellationToken cancellationToken = default) => SendCoreAsync(message, cancellationToken);

    public async ValueTask CloseAsync(CancellationToken cancellationToken = default) =>
        _ = await CloseAndReceiveCoreAsync(call.ResponseAsync, static response => response, static _ => null, cancellationToken).ConfigureAwait(false);

    /// <summary>The response headers once the server opened the stream; the server's error (and the call disposed) when it failed first.</summary>
    public static Task<Metadata> OpenAsync(AsyncClientStreamingCall<TRequest, TResponse> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return OpenCallAsync(call, call.ResponseHeadersAsync, () => call.ResponseAsync);
    }
}
