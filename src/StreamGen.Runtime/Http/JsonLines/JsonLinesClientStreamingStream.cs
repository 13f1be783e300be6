namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization.Metadata;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// The server end of a client-streaming method without a result over a JSON Lines request body (design:
/// <c>streamingPayload</c>, no <c>result</c>, <c>jsonLines: true</c>): the handler receives each line and ends the
/// stream by returning, answered with the success status (204 unless the design says otherwise).
/// </summary>
public abstract class JsonLinesClientStreamingStream<TPayload>(HttpContext context, JsonTypeInfo<TPayload> payloadInfo, int successStatus)
    : JsonLinesRequestStream<TPayload>(context, payloadInfo, successStatus);
