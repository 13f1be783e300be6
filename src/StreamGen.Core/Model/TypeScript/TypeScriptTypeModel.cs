namespace StreamGen.Model.TypeScript;

/// <summary>
/// An object type: its interface, the const of the same name that holds its rules (what the runtime validates with), the
/// unions of its enum attributes and, for a result type, the view names and an interface per view.
/// </summary>
public sealed record TypeScriptTypeModel
{
    public required string Name { get; init; }

    /// <summary>The design's name of the type, for messages.</summary>
    public required string DesignNameLiteral { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    public required IReadOnlyList<TypeScriptPropertyModel> Properties { get; init; }

    public required IReadOnlyList<TypeScriptEnumModel> Enums { get; init; }

    public required IReadOnlyList<TypeScriptViewModel> Views { get; init; }

    /// <summary>The union of the view names (<c>LogRecordView</c>), when the type has views.</summary>
    public required string? ViewNameType { get; init; }

    /// <summary><c>"default" | "tiny"</c>.</summary>
    public required string ViewNamesLiteral { get; init; }

    public bool HasViews => Views.Count > 0;
}

/// <summary>An attribute: its key, TypeScript type, optionality, doc lines and the rule literal the runtime checks.</summary>
public sealed record TypeScriptPropertyModel
{
    /// <summary>The JSON name, bare or quoted.</summary>
    public required string Key { get; init; }

    public required string TypeName { get; init; }

    public required bool IsOptional { get; init; }

    /// <summary>The description, then <c>@default</c> and the format or bounds a reader needs.</summary>
    public required IReadOnlyList<string> Docs { get; init; }

    /// <summary><c>{ type: "string", required: true, maxLength: 256 }</c>.</summary>
    public required string RuleLiteral { get; init; }

    public string Optional => IsOptional ? "?" : "";
}

/// <summary>A view of a result type: the interface of a value rendered in it, and the attributes it renders.</summary>
public sealed record TypeScriptViewModel
{
    public required string Key { get; init; }

    public required string InterfaceName { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    public required IReadOnlyList<TypeScriptPropertyModel> Properties { get; init; }

    /// <summary><c>["id", "message"]</c>.</summary>
    public required string AttributesLiteral { get; init; }
}
