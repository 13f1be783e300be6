namespace StreamGen.Diagnostics;

/// <summary>A problem found in a design (or, for SG9xxx, in a template), at a place in a file.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceSpan Span, IReadOnlyList<object?> Args, string? Hint = null)
{
    public string Id => Descriptor.Id;

    public DiagnosticSeverity Severity => Descriptor.Severity;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public string Message => Descriptor.FormatMessage(Args);

    /// <summary>The MSBuild/canonical form IDEs and CI annotate: <c>file(line,col): error SG1001: message [hint]</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var hint = Hint is null ? "" : $" [{Hint}]";
        return $"{Span}: {severity} {Id}: {Message}{hint}";
    }
}
