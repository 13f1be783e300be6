namespace StreamGen.Tests.Properties.Spec;

/// <summary>The type of an attribute, payload or result in a generated design: Goa's type expressions, or an inline object.</summary>
internal abstract record TypeExpr
{
    /// <summary>The expression as the design writes it (<c>ArrayOf(MapOf(String, Item))</c>); inline objects have none.</summary>
    public abstract string Text { get; }
}

internal sealed record PrimitiveExpr(string Name) : TypeExpr
{
    public override string Text => Name;
}

internal sealed record NamedExpr(string Name) : TypeExpr
{
    public override string Text => Name;
}

internal sealed record ArrayExpr(TypeExpr Element) : TypeExpr
{
    public override string Text => $"ArrayOf({Element.Text})";
}

internal sealed record MapExpr(TypeExpr Key, TypeExpr Value) : TypeExpr
{
    public override string Text => $"MapOf({Key.Text}, {Value.Text})";
}

internal sealed record InlineExpr(ObjectSpec Object) : TypeExpr
{
    public override string Text => "(inline)";
}
