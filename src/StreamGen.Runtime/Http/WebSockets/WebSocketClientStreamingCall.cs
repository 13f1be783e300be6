namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The client end of a client-streaming method without a result over a WebSocket (design: <c>streamingPayload</c>, no
/// <c>result</c>): the client sends messages, then ends its stream (the JSON <c>null</c>, then a close frame with 1000).
/// </summary>
public abstract class WebSocketClientStreamingCall<TPayload>(WebSocketConnection connection, JsonTypeInfo<TPayload> payloadInfo)
    : WebSocketClientStream<TPayload, NoMessage>(connection, payloadInfo, null), IClientStream, IStreamSender<TPayload>, IStreamCloser
{
    public ValueTask SendAsync(TPayload message, CancellationToken cancellationToken = default) => SendCoreAsync(message, cancellationToken);

    public ValueTask CloseAsync(CancellationToken cancellationToken = default) => CloseSendingAsync(cancellationToken);
}
