namespace StreamGen.Model;

/// <summary>What the model needs beyond the design: the tool version for headers and the design's file name.</summary>
public sealed record ModelBuilderOptions(string ToolVersion, string DesignFile, string GrpcVersion = "2.85.0");
