namespace StreamGen.Model.Documents;

/// <summary>
/// A JSON Schema as the documents carry it (the subset that OpenAPI 3.1 and AsyncAPI 3.0 schemas share: JSON Schema
/// draft-07 keywords), decided from a design type and the attribute's validations. Literal values (<c>enum</c>,
/// <c>default</c>, <c>examples</c>) are JSON text; numeric bounds are JSON numbers as text.
/// </summary>
public sealed record SchemaModel
{
    public required SchemaKind Kind { get; init; }

    /// <summary>For <see cref="SchemaKind.Reference"/>: the name of the component schema.</summary>
    public string? Reference { get; init; }

    public string? Description { get; init; }

    public string? Format { get; init; }

    /// <summary>The items of an array, the values of a map.</summary>
    public SchemaModel? Items { get; init; }

    /// <summary>For a map whose keys are integers: the pattern every property name matches.</summary>
    public string? KeyPattern { get; init; }

    public IReadOnlyList<SchemaPropertyModel> Properties { get; init; } = [];

    public IReadOnlyList<string> Required { get; init; } = [];

    public IReadOnlyList<SchemaModel> AnyOf { get; init; } = [];

    public IReadOnlyList<string> Enum { get; init; } = [];

    /// <summary>The string the value must be.</summary>
    public string? Const { get; init; }

    public string? Default { get; init; }

    public IReadOnlyList<string> Examples { get; init; } = [];

    public string? Minimum { get; init; }

    public string? Maximum { get; init; }

    public string? ExclusiveMinimum { get; init; }

    public string? ExclusiveMaximum { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>minItems of an array, minProperties of a map.</summary>
    public int? MinItems { get; init; }

    /// <summary>maxItems of an array, maxProperties of a map.</summary>
    public int? MaxItems { get; init; }

    public string? Pattern { get; init; }

    /// <summary><c>base64</c> for Bytes, which JSON carries as a base64 string.</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>Every component this schema refers to, directly or through its parts (not through other components).</summary>
    public IEnumerable<string> References()
    {
        if (Reference is not null)
        {
            yield return Reference;
        }

        var parts = Properties.Select(p => p.Schema).Concat(AnyOf);
        if (Items is not null)
        {
            parts = parts.Append(Items);
        }

        foreach (var reference in parts.SelectMany(p => p.References()))
        {
            yield return reference;
        }
    }
}
