namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// The server end of a client-streaming method with a result over a JSON Lines request body (design:
/// <c>streamingPayload</c> and <c>result</c>, <c>jsonLines: true</c>): the handler receives each line and ends the
/// stream with the result (Goa's SendAndClose), the JSON response body.
/// </summary>
public abstract class JsonLinesClientStreamingResultStream<TPayload, TResult>(HttpContext context, JsonTypeInfo<TPayload> payloadInfo, JsonTypeInfo<TResult> resultInfo, int successStatus)
    : JsonLinesRequestStream<TPayload>(context, payloadInfo, successStatus), IStreamResultSender<TResult>
{
    public ValueTask SendAndCloseAsync(TResult result, CancellationToken cancellationToken = default) => SendAndCloseCoreAsync(result, resultInfo, cancellationToken);
}
