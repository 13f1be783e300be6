namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// The server end of a client-streaming method with a result over a WebSocket (design: <c>streamingPayload</c> and
/// <c>result</c>): the handler receives the client's messages and ends the stream with the result (Goa's SendAndClose),
/// which the client's CloseAndRecv reads after sending the end of its stream.
/// </summary>
public abstract class WebSocketClientStreamingResultStream<TPayload, TResult>(HttpContext context, JsonTypeInfo<TPayload> payloadInfo, JsonTypeInfo<TResult> resultInfo)
    : WebSocketServerStream<TPayload, NoMessage>(context, payloadInfo, null), IMessageReceiver<TPayload>, IStreamResultSender<TResult>
{
    public ValueTask<Received<TPayload>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);

    public ValueTask SendAndCloseAsync(TResult result, CancellationToken cancellationToken = default) => SendAndCloseCoreAsync(result, resultInfo, cancellationToken);
}
