namespace StreamGen.Tests.Properties.Spec;

/// <summary>A named type (under <c>types</c>) or result type (under <c>resultTypes</c>, with views).</summary>
internal sealed record TypeSpec(string Name, ObjectSpec Object, IReadOnlyList<ViewSpec>? Views = null, string? Identifier = null)
{
    public bool IsResultType => Views is not null || Identifier is not null;
}

/// <summary>A view of a result type: the attributes it renders.</summary>
internal sealed record ViewSpec(string Name, IReadOnlyList<string> Attributes);
