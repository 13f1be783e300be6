namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The client end of a bidirectional method over a WebSocket (design: <c>streamingPayload</c> and <c>streamingResult</c>):
/// the client sends and receives at once; ending its stream leaves results flowing until the server ends the stream.
/// </summary>
public abstract class WebSocketBidirectionalCall<TPayload, TResult>(WebSocketConnection connection, JsonTypeInfo<TPayload> payloadInfo, JsonTypeInfo<TResult> resultInfo)
    : WebSocketClientStream<TPayload, TResult>(connection, payloadInfo, resultInfo), IClientStream, IStreamSender<TPayload>, IMessageReceiver<TResult>, IStreamCloser
{
    public ValueTask SendAsync(TPayload message, CancellationToken cancellationToken = default) => SendCoreAsync(message, cancellationToken);

    public ValueTask<Received<TResult>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);

    public ValueTask CloseAsync(CancellationToken cancellationToken = default) => CloseSendingAsync(cancellationToken);
}
