namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The client end of a client-streaming method with a result over a JSON Lines request body (design:
/// <c>streamingPayload</c> and <c>result</c>, <c>jsonLines: true</c>): the client sends lines, then ends the body and
/// reads the result, the JSON response body, decoded and validated.
/// </summary>
public abstract class JsonLinesClientStreamingResultCall<TPayload, TResult>(JsonLinesRequest request, JsonTypeInfo<TPayload> payloadInfo, JsonTypeInfo<TResult> resultInfo)
    : JsonLinesRequestCall<TPayload>(request, payloadInfo), IStreamResultReceiver<TResult>
{
    public async ValueTask<TResult> CloseAndRecvAsync(CancellationToken cancellationToken = default)
    {
        using var response = await CloseSendingAsync(cancellationToken).ConfigureAwait(false);
        return await HttpCalls.ReadResultAsync(response, resultInfo, cancellationToken).ConfigureAwait(false);
    }
}
