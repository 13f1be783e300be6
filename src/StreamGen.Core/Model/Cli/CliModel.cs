namespace StreamGen.Model.Cli;

/// <summary>
/// The generated command-line client (<c>gen --cli DIR</c>, Goa's <c>&lt;api&gt;-cli</c>): a console project that
/// references the service project and calls every method through the design's client interfaces, on System.CommandLine.
/// Every command and option name, C# name and call expression is decided here (<c>CliPass</c>); the templates print.
/// </summary>
public sealed record CliModel
{
    /// <summary>The executable's name and the root command's (<c>logger-cli</c>).</summary>
    public required string ExecutableName { get; init; }

    public required string ExecutableNameLiteral { get; init; }

    /// <summary>The project file, created once in the CLI folder (<c>logger-cli.csproj</c>).</summary>
    public required string ProjectFileName { get; init; }

    /// <summary>The root command's description, a C# string literal.</summary>
    public required string DescriptionLiteral { get; init; }

    /// <summary>The class holding the entry point and the root command (<c>LoggerCli</c>), in the API's namespace.</summary>
    public required string ClassName { get; init; }

    public required string Namespace { get; init; }

    public required string RuntimeNamespace { get; init; }

    /// <summary>The design's HTTP server (<c>"http://localhost:8080"</c>) as a C# literal, or <c>null</c> without HTTP routes.</summary>
    public required string HttpUrlLiteral { get; init; }

    public required string GrpcUrlLiteral { get; init; }

    public required IReadOnlyList<CliServiceModel> Services { get; init; }

    /// <summary>The System.CommandLine version the CLI references (the tool's own).</summary>
    public required string CommandLineVersion { get; init; }

    /// <summary>Whether the runtime's Cli area is copied into the CLI's gen/ (source runtime) or comes with the package.</summary>
    public required bool CopiesRuntime { get; init; }

    /// <summary>The service project the CLI references, relative to the CLI folder; set when the folder is known.</summary>
    public string ServiceProject { get; init; } = "";

    public required string ToolVersion { get; init; }

    public required string DesignFile { get; init; }

    public required bool UsesGrpc { get; init; }
}
