namespace StreamGen.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
