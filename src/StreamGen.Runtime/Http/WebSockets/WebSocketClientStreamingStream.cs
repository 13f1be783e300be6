namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// The server end of a client-streaming method without a result over a WebSocket (design: <c>streamingPayload</c>, no
/// <c>result</c>): the handler receives the client's messages, decoded and validated, and ends the stream by returning.
/// </summary>
public abstract class WebSocketClientStreamingStream<TPayload>(HttpContext context, JsonTypeInfo<TPayload> payloadInfo)
    : WebSocketServerStream<TPayload, NoMessage>(context, payloadInfo, null), IMessageReceiver<TPayload>
{
    public ValueTask<Received<TPayload>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);
}
