namespace StreamGen.Runtime;

using global::System;
using global::System.Buffers;
using global::System.IO.Pipelines;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;

/// <summary>
/// Writes JSON Lines (NDJSON, <see href="https://github.com/ndjson/ndjson-spec"/>): each value as compact JSON, which
/// has no raw line break (they are escaped in strings), then <c>\n</c>. An empty line is not a value: the spec lets
/// readers skip it, and <see cref="JsonLinesReader{T}"/> does, so it serves as the heartbeat of an idle stream.
/// </summary>
public static class JsonLinesWriter
{
    /// <summary>The media type of a JSON Lines body.</summary>
    public const string MediaType = "application/x-ndjson";

    /// <summary>Writes one value and its line end into <paramref name="writer"/> (not flushed).</summary>
    public static void Write<T>(PipeWriter writer, Utf8JsonWriter json, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.Reset(writer);
        JsonSerializer.Serialize(json, value, typeInfo);
        json.Flush();
        EndLine(writer);
    }

    /// <summary>Ends a line; alone, an empty line (a heartbeat).</summary>
    public static void EndLine(IBufferWriter<byte> writer) => writer.Write("\n"u8);
}
