namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The client end of a client-streaming method with a result over a WebSocket (design: <c>streamingPayload</c> and
/// <c>result</c>): the client sends messages, then ends its stream and reads the result the server sends before closing.
/// </summary>
public abstract class WebSocketClientStreamingResultCall<TPayload, TResult>(WebSocketConnection connection, JsonTypeInfo<TPayload> payloadInfo, JsonTypeInfo<TResult> resultInfo)
    : WebSocketClientStream<TPayload, NoMessage>(connection, payloadInfo, null), IClientStream, IStreamSender<TPayload>, IStreamResultReceiver<TResult>
{
    public ValueTask SendAsync(TPayload message, CancellationToken cancellationToken = default) => SendCoreAsync(message, cancellationToken);

    public ValueTask<TResult> CloseAndRecvAsync(CancellationToken cancellationToken = default) =>
        CloseAndReceiveCoreAsync(resultInfo, static result =>
        {
            ValidationErrors? errors = null;
            Validation.Validate(result, "message", ref errors);
            return errors;
        }, cancellationToken);
}
