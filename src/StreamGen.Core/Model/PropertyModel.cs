namespace StreamGen.Model;

/// <summary>A property of a generated record, with its JSON name, C# type, default and validation checks.</summary>
public sealed record PropertyModel
{
    public required string Name { get; init; }

    public required string JsonName { get; init; }

    public required string JsonNameLiteral { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    /// <summary>The C# type as declared, nullability included (<c>string?</c>, <c>global::System.Collections.Generic.IReadOnlyList&lt;int&gt;</c>).</summary>
    public required string TypeName { get; init; }

    public required TypeRefModel Type { get; init; }

    /// <summary>Carries the C# <c>required</c> modifier: the design requires it (in every view, for result types) and it has no default.</summary>
    public required bool IsRequired { get; init; }

    public required bool IsNullable { get; init; }

    public required string? DefaultLiteral { get; init; }

    /// <summary>Whether <see cref="IsRequired"/> must be checked at run time: a non-nullable reference the JSON may still leave null.</summary>
    public required bool NeedsPresenceCheck { get; init; }

    public required IReadOnlyList<CheckModel> Checks { get; init; }

    public bool HasDefault => DefaultLiteral is not null;

    /// <summary>
    /// <c>set</c> for a property with a default, <c>init</c> otherwise: System.Text.Json's source generator passes every
    /// init-only property to the object initializer, so an absent attribute would overwrite the default with null or zero;
    /// a settable property is only assigned when the attribute is present.
    /// </summary>
    public string SetterKeyword => HasDefault ? "set" : "init";

    public bool HasChecks => Checks.Count > 0;

    /// <summary>Checks run on a non-null local (<c>if (X is { } value)</c>): the property is nullable, or a reference the JSON may leave null.</summary>
    public bool BindsLocal => IsNullable || NeedsPresenceCheck;

    /// <summary>The local a null check binds the value to (<c>if (Topic is { } topicValue)</c>); unique in its type, as pattern locals share the method's scope.</summary>
    public required string LocalName { get; init; }

    /// <summary>What checks read: the property itself, or its bound local.</summary>
    public string ValueExpression => BindsLocal ? LocalName : Name;
}

/// <summary>One validation check: a call of a runtime check method with literal arguments after the value.</summary>
public sealed record CheckModel(string Method, string Arguments)
{
    public bool HasArguments => Arguments.Length > 0;
}
