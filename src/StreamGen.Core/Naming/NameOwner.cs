using StreamGen.Diagnostics;

namespace StreamGen.Naming;

/// <summary>
/// Who holds a name in a scope, for messages: a design element (<c>type 'Order'</c>, with where it is declared) or
/// something outside the design (<c>the runtime</c>, <c>C# records</c>, <c>protoc's C# plugin</c>).
/// </summary>
public sealed record NameOwner(string Description, SourceSpan? Span = null)
{
    public bool IsDesignElement => Span is not null;

    public override string ToString() => Description;
}
