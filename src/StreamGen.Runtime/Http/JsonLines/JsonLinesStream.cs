namespace StreamGen.Runtime;

using global::System;
using global::System.IO.Pipelines;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// The server end of a server stream served as JSON Lines (<c>application/x-ndjson</c>, one JSON value a line, what
/// <c>curl -N</c> and <c>jq</c> read as it comes): a route with <c>serverSentEvents</c> answers it to
/// <c>Accept: application/x-ndjson</c>, a method with <c>jsonLines: true</c> always. NDJSON has no comments, so the
/// heartbeat that keeps an idle response alive through proxies is an empty line (<see cref="JsonLinesWriter"/>), which
/// the NDJSON spec lets readers skip and which <c>jq</c> and the generated clients do skip. Nor has it a place for an
/// error: an error after the first line (a shutdown included) aborts the connection, so a client sees a cut stream
/// (curl: "transfer closed with outstanding read data remaining"), never a complete one. See
/// <see cref="StreamedResponse{T}"/> for the queue, the cut-off and the heartbeat.
/// </summary>
public abstract class JsonLinesStream<T> : StreamedResponse<T>
{
    protected JsonLinesStream(HttpContext context, JsonTypeInfo<T> typeInfo)
        : base(context, typeInfo)
    {
    }

    protected override string ContentType => JsonLinesWriter.MediaType;

    protected override TimeSpan Heartbeat => Options.SseHeartbeat;

    protected override void WriteMessage(PipeWriter writer, Utf8JsonWriter json, T message, in ServerSentEventFields fields)
    {
        WriteJson(writer, json, message);
        JsonLinesWriter.EndLine(writer);
    }

    protected override void WriteHeartbeat(PipeWriter writer) => JsonLinesWriter.EndLine(writer);

    protected override bool TryWriteError(PipeWriter writer, Utf8JsonWriter json, ServiceError error) => false;
}
