namespace StreamGen.Cli;

/// <summary>How diagnostics are printed: for people, for MSBuild/IDEs/CI annotations, for tools.</summary>
internal enum DiagnosticFormat
{
    Text,
    Msbuild,
    Json,
    Sarif,
}
