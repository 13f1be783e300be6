namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization;

/// <summary>
/// System.Text.Json source generation for the error body, so the runtime (de)serializes it without reflection and
/// without depending on the design's own generated context.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorResult))]
internal sealed partial class ErrorResultJsonContext : JsonSerializerContext;
