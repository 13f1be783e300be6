namespace StreamGen.Model;

/// <summary>
/// What the model needs beyond the design: the tool version for headers (and the runtime package's) and the design's
/// file name; and what a run may override: the runtime mode (null: the design's <c>api.runtime</c>, else source), the
/// namespace (instead of <c>api.namespace</c>), the transports to generate and whether to describe them in OpenAPI and AsyncAPI documents.
/// </summary>
public sealed record ModelBuilderOptions(string ToolVersion, string DesignFile, string GrpcVersion = "2.85.0", RuntimeMode? Runtime = null)
{
    /// <summary>Replaces the design's namespace; checked by the caller (<see cref="Naming.CSharpNaming.IsNamespace"/>).</summary>
    public string? Namespace { get; init; }

    public Transports Transports { get; init; } = Transports.All;

    /// <summary>Whether the model has the OpenAPI and AsyncAPI documents of the HTTP routes (<c>gen --no-docs</c> turns them off).</summary>
    public bool Documents { get; init; } = true;

    /// <summary>The System.CommandLine version a generated CLI references: the tool's own (Directory.Packages.props).</summary>
    public string CommandLineVersion { get; init; } = "2.0.15";
}
