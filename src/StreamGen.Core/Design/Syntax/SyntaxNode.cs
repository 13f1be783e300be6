using StreamGen.Diagnostics;

namespace StreamGen.Design.Syntax;

/// <summary>
/// A node of the positional syntax tree both the YAML and the JSON reader produce, so that
/// binding, validation and the JSON Schema check see one shape whatever the file format.
/// </summary>
public abstract class SyntaxNode(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    /// <summary>What the user wrote, in words, for messages such as "expected a mapping, found a sequence".</summary>
    public abstract string KindDescription { get; }
}
