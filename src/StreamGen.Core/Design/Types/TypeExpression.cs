namespace StreamGen.Design.Types;

/// <summary>A parsed type expression: <c>String</c>, <c>ArrayOf(LogEntry)</c>, <c>MapOf(String, ArrayOf(Int))</c>, <c>LogRecord</c>.</summary>
public abstract record TypeExpression
{
    public abstract override string ToString();
}

public sealed record PrimitiveTypeExpression(PrimitiveKind Kind) : TypeExpression
{
    public override string ToString() => Kind.ToString();
}

public sealed record ArrayTypeExpression(TypeExpression Element) : TypeExpression
{
    public override string ToString() => $"ArrayOf({Element})";
}

public sealed record MapTypeExpression(TypeExpression Key, TypeExpression Value) : TypeExpression
{
    public override string ToString() => $"MapOf({Key}, {Value})";
}

/// <summary>A reference to a user type or result type by name.</summary>
public sealed record NamedTypeExpression(string Name) : TypeExpression
{
    public override string ToString() => Name;
}
