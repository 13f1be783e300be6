using StreamGen.Diagnostics;

namespace StreamGen.Design.Syntax;

/// <summary>A key/value mapping, entries in source order (duplicates kept: the binder reports them).</summary>
public sealed class MappingNode(SourceSpan span, IReadOnlyList<MappingEntry> entries) : SyntaxNode(span)
{
    public IReadOnlyList<MappingEntry> Entries { get; } = entries;

    public override string KindDescription => "a mapping";
}

public sealed record MappingEntry(ScalarNode Key, SyntaxNode Value);
