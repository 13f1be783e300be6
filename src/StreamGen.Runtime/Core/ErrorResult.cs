namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization;

/// <summary>The JSON error body (Goa's ErrorResult), the same on every transport.</summary>
public sealed record ErrorResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("temporary")] bool Temporary,
    [property: JsonPropertyName("timeout")] bool Timeout,
    [property: JsonPropertyName("fault")] bool Fault);
