namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// The server end of a bidirectional method over a WebSocket (design: <c>streamingPayload</c> and <c>streamingResult</c>):
/// the handler sends results and receives the client's messages at once; the stream ends when it returns.
/// </summary>
public abstract class WebSocketBidirectionalStream<TPayload, TResult>(HttpContext context, JsonTypeInfo<TPayload> payloadInfo, JsonTypeInfo<TResult> resultInfo)
    : WebSocketServerStream<TPayload, TResult>(context, payloadInfo, resultInfo), IStreamSender<TResult>, IMessageReceiver<TPayload>
{
    public ValueTask SendAsync(TResult message, CancellationToken cancellationToken = default) => SendCoreAsync(Render(message), cancellationToken);

    public ValueTask<Received<TPayload>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);

    /// <summary>The message as it is sent: itself, or its projection in a view.</summary>
    protected virtual TResult Render(TResult message) => message;
}
