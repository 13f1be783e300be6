namespace StreamGen.Diagnostics;

/// <summary>Collects every diagnostic of a run; nothing in the pipeline throws for a user's mistake.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public static DiagnosticBag Of(IEnumerable<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        bag.AddRange(diagnostics);
        return bag;
    }

    public bool HasErrors => _items.Any(d => d.IsError);

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        _items.Add(new Diagnostic(descriptor, span, args));

    public void ReportWithHint(DiagnosticDescriptor descriptor, SourceSpan span, string? hint, params object?[] args) =>
        _items.Add(new Diagnostic(descriptor, span, args, hint));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Diagnostics ordered by file, line, column and id, so output never depends on rule order.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
