namespace StreamGen.Model;

/// <summary>
/// What the model needs beyond the design: the tool version for headers (and the runtime package's), the design's file
/// name, and the runtime mode when the command line sets it (null: the design's <c>api.runtime</c>, else source).
/// </summary>
public sealed record ModelBuilderOptions(string ToolVersion, string DesignFile, string GrpcVersion = "2.85.0", RuntimeMode? Runtime = null);
