namespace StreamGen.Runtime;

using global::System;
using global::System.Buffers;
using global::System.Globalization;
using global::System.IO.Pipelines;
using global::System.Text;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// The server end of a stream served as Server-Sent Events (<c>text/event-stream</c>): each message is one event whose
/// <c>data:</c> is the JSON message, with <c>id:</c>, <c>event:</c> and <c>retry:</c> filled from the attributes the design
/// names (<see cref="StreamedResponse{T}.Fields"/>), written in <c>SseFormatter</c>'s order and form. An error after the
/// first event is sent as an <c>event: goa-error</c> whose data is the JSON error body (a shutdown's is temporary, so
/// clients reconnect and resume with <c>Last-Event-ID</c>); the heartbeat is a comment line (<c>:</c>) every
/// <see cref="StreamGenWebSocketOptions.SseHeartbeat"/> of silence. See <see cref="StreamedResponse{T}"/> for the rest.
/// </summary>
public abstract class ServerSentEventsStream<T> : StreamedResponse<T>
{
    protected ServerSentEventsStream(HttpContext context, JsonTypeInfo<T> typeInfo)
        : base(context, typeInfo)
    {
    }

    protected override string ContentType => "text/event-stream";

    protected override TimeSpan Heartbeat => Options.SseHeartbeat;

    /// <summary>Sends one message as an event with the given fields (a null one is left out).</summary>
    protected ValueTask WriteEventAsync(string? id, string? eventName, long? retry, T message, CancellationToken cancellationToken) =>
        WriteAsync(message, new ServerSentEventFields(id, eventName, retry), cancellationToken);

    protected override void WriteMessage(PipeWriter writer, Utf8JsonWriter json, T message, in ServerSentEventFields fields)
    {
        // The fields in SseFormatter's order (event, data, id, retry), so the bytes are the library's own
        // (SseFormatterComparisonTests); the JSON data is one line whatever the message holds.
        WriteField(writer, "event: "u8, fields.Event);
        writer.Write("data: "u8);
        WriteJson(writer, json, message);
        writer.Write("\n"u8);
        WriteField(writer, "id: "u8, fields.Id);
        if (fields.Retry is { } retry)
        {
            writer.Write("retry: "u8);
            var span = writer.GetSpan(21);
            retry.TryFormat(span, out var written, provider: CultureInfo.InvariantCulture);
            span[written] = (byte)'\n';
            writer.Advance(written + 1);
        }

        writer.Write("\n"u8);
    }

    protected override void WriteHeartbeat(PipeWriter writer) => writer.Write(":\n\n"u8);

    protected override bool TryWriteError(PipeWriter writer, Utf8JsonWriter json, ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        writer.Write("event: goa-error\ndata: "u8);
        WriteJson(writer, json, error.ToResult(), ErrorResultJsonContext.Default.ErrorResult);
        writer.Write("\n\n"u8);
        return true;
    }

    /// <summary>
    /// An <c>id:</c> or <c>event:</c> value must fit on one line (and an id may not hold NUL, which makes clients ignore
    /// it), as the event stream format says: anything else is refused at send time rather than altered.
    /// </summary>
    protected override void CheckFields(in ServerSentEventFields fields)
    {
        CheckField("id", fields.Id);
        CheckField("event", fields.Event);
    }

    private static void CheckField(string name, string? value)
    {
        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n', name == "id" ? '\0' : '\n') >= 0)
        {
            throw new ValidationException([new ValidationError("invalid_format", name, $"the SSE {name} field cannot carry a line break{(name == "id" ? " or NUL" : "")}: {value.ReplaceLineEndings("\\n")}")]);
        }

        if (name == "event" && value == ServerSentEventFields.ErrorEventType)
        {
            throw new ValidationException([new ValidationError("invalid_format", name, $"the SSE event type '{value}' is reserved for the server's error event")]);
        }
    }

    /// <summary>Writes <c>name: value</c> and a line feed, the value encoded straight into the writer (no string or array per event).</summary>
    private static void WriteField(PipeWriter writer, ReadOnlySpan<byte> prefix, string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.Write(prefix);
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length) + 1);
        var written = Encoding.UTF8.GetBytes(value, span);
        span[written] = (byte)'\n';
        writer.Advance(written + 1);
    }
}
