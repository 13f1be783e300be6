using StreamGen.Diagnostics;

namespace StreamGen.Design.Syntax;

public sealed class SequenceNode(SourceSpan span, IReadOnlyList<SyntaxNode> items) : SyntaxNode(span)
{
    public IReadOnlyList<SyntaxNode> Items { get; } = items;

    public override string KindDescription => "a sequence";
}
