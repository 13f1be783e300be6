namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;

/// <summary>
/// The client end of a client-streaming RPC with a result (design: <c>streamingPayload</c> and <c>result</c>): the client
/// sends messages, then ends its stream and gets the result, converted and validated (Goa's CloseAndRecv).
/// </summary>
public abstract class GrpcClientStreamingResultCall<TPayload, TRequest, TResult, TResponse>(
    AsyncClientStreamingCall<TRequest, TResponse> call, Metadata headers, Func<TPayload, TRequest> toProto, Func<TResponse, TResult> fromProto)
    : GrpcClientStream<TPayload, TRequest, NoMessage, NoMessage>(call, call.RequestStream, null, headers, toProto, null), IClientStream, IStreamSender<TPayload>, IStreamResultReceiver<TResult>
{
    public ValueTask SendAsync(TPayload message, CancellationToken cancellationToken = default) => SendCoreAsync(message, cancellationToken);

    public ValueTask<TResult> CloseAndRecvAsync(CancellationToken cancellationToken = default) =>
        CloseAndReceiveCoreAsync(call.ResponseAsync, fromProto, static result =>
        {
            ValidationErrors? errors = null;
            Validation.Validate(result, "message", ref errors);
            return errors;
        }, cancellationToken);

    /// <summary>The response headers once the server opened the stream; the server's error (and the call disposed) when it failed first.</summary>
    public static Task<Metadata> OpenAsync(AsyncClientStreamingCall<TRequest, TResponse> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return OpenCallAsync(call, call.ResponseHeadersAsync, () => call.ResponseAsync);
    }
}
