using StreamGen.Design.Syntax;
using StreamGen.Diagnostics;

namespace StreamGen.Design;

/// <summary>A literal written in the design (<c>default</c>, <c>example</c>, an <c>enum</c> item), kept as written: its meaning depends on the attribute's type.</summary>
public sealed class DesignValue(SyntaxNode node)
{
    public SyntaxNode Node { get; } = node;

    public SourceSpan Span => Node.Span;

    public override string ToString() => Node switch
    {
        ScalarNode { Kind: ScalarKind.String } s => $"\"{s.Value}\"",
        ScalarNode s => s.Value,
        _ => Node.KindDescription,
    };
}
