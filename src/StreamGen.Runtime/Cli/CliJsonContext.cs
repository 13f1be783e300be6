namespace StreamGen.Runtime;

using global::System.Text.Json.Serialization;

/// <summary>The JSON contract of what the command-line runtime prints itself (no reflection, as everywhere else).</summary>
[JsonSerializable(typeof(CliDownload))]
public sealed partial class CliJsonContext : JsonSerializerContext;
