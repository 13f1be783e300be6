namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The client end of a client-streaming method without a result over a JSON Lines request body (design:
/// <c>streamingPayload</c>, no <c>result</c>, <c>jsonLines: true</c>): the client sends lines, then ends the body and
/// waits for the server's success status.
/// </summary>
public abstract class JsonLinesClientStreamingCall<TPayload>(JsonLinesRequest request, JsonTypeInfo<TPayload> payloadInfo)
    : JsonLinesRequestCall<TPayload>(request, payloadInfo), IStreamCloser
{
    public async ValueTask CloseAsync(CancellationToken cancellationToken = default) =>
        (await CloseSendingAsync(cancellationToken).ConfigureAwait(false)).Dispose();
}
