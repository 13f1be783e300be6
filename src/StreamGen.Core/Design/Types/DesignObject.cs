namespace StreamGen.Design.Types;

/// <summary>
/// An object type as the design declares it, named (<c>types:</c>/<c>resultTypes:</c>) or inline (an attribute's or
/// a method's <c>attributes:</c>), so rules and the model builder treat both alike.
/// </summary>
public sealed class DesignObject(DesignElement owner, string? typeName, string description, OrderedDictionary<string, DesignAttribute>? attributes, IReadOnlyList<string>? required)
{
    /// <summary>The element that declares the attributes (a <see cref="DesignType"/>, <see cref="DesignTypeRef"/> or <see cref="DesignAttribute"/>).</summary>
    public DesignElement Owner { get; } = owner;

    /// <summary>The design name of a named type; null for an inline type.</summary>
    public string? TypeName { get; } = typeName;

    /// <summary>How messages name it: "type 'LogEntry'", "payload of method 'subscribe'".</summary>
    public string Description { get; } = description;

    public OrderedDictionary<string, DesignAttribute> Attributes { get; } = attributes ?? [];

    public IReadOnlyList<string> Required { get; } = required ?? [];

    public DesignResultType? ResultType => Owner as DesignResultType;

    public bool IsRequired(string attribute) => Required.Contains(attribute, StringComparer.Ordinal);

    /// <summary>
    /// Whether every view renders the attribute (always, for a type without views). One some view leaves out may be
    /// absent from a value, whatever <c>required</c> says, so it is optional in C# and protobuf.
    /// </summary>
    public bool IsInEveryView(string attribute) =>
        ResultType?.Views is not { Count: > 0 } views || views.Values.All(v => v.Contains(attribute, StringComparer.Ordinal));

    /// <summary>Whether a value may leave the attribute out: not required in every view, or defaulted.</summary>
    public bool IsOptional(string attribute) =>
        !(IsRequired(attribute) && IsInEveryView(attribute)) || Attributes.GetValueOrDefault(attribute)?.Default is not null;
}

/// <summary>The type of an inline object (<c>attributes:</c> instead of <c>type:</c>); produced by resolution, never by the parser.</summary>
public sealed record InlineTypeExpression(DesignObject Object) : TypeExpression
{
    public override string ToString() => "object";
}
