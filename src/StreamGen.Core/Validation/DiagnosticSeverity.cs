namespace StreamGen.Validation;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
