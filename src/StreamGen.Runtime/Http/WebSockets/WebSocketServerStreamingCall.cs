namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The client end of a server-streaming method over a WebSocket (design: <c>streamingResult</c>): the client receives
/// results, decoded and validated, until the server ends the stream with 1000.
/// </summary>
public abstract class WebSocketServerStreamingCall<TResult>(WebSocketConnection connection, JsonTypeInfo<TResult> resultInfo)
    : WebSocketClientStream<NoMessage, TResult>(connection, null, resultInfo), IClientStream, IMessageReceiver<TResult>
{
    public ValueTask<Received<TResult>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);
}
