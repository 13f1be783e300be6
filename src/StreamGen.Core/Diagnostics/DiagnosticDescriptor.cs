using System.Globalization;

namespace StreamGen.Diagnostics;

/// <summary>
/// One entry of the diagnostics table: a stable id (never reused), a severity, a title for the
/// docs and a composite-format message.
/// </summary>
public sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity Severity, string Title, string MessageFormat)
{
    public string FormatMessage(IReadOnlyList<object?> args) =>
        string.Format(CultureInfo.InvariantCulture, MessageFormat, args.ToArray());
}
