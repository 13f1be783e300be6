namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// The server end of a server-streaming method over a WebSocket (design: <c>streamingResult</c>): the handler sends
/// results until it returns; the client sends nothing but the end of its stream. The generated stream class is this
/// with the method's stream interface and JSON contract.
/// </summary>
public abstract class WebSocketServerStreamingStream<TResult>(HttpContext context, JsonTypeInfo<TResult> resultInfo)
    : WebSocketServerStream<NoMessage, TResult>(context, null, resultInfo), IStreamSender<TResult>
{
    public ValueTask SendAsync(TResult message, CancellationToken cancellationToken = default) => SendCoreAsync(Render(message), cancellationToken);

    /// <summary>The message as it is sent: itself, or its projection in a view.</summary>
    protected virtual TResult Render(TResult message) => message;
}
