namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization;

/// <summary>What a raw download into a file prints: the file and how many bytes it received.</summary>
public sealed record CliDownload([property: JsonPropertyName("file")] string File, [property: JsonPropertyName("bytes")] long Bytes);
