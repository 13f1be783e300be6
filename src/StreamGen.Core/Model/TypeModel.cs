namespace StreamGen.Model;

/// <summary>A generated C# record: a user type, a result type, or an inline payload/result type.</summary>
public sealed record TypeModel
{
    public required string Name { get; init; }

    public required string DesignName { get; init; }

    /// <summary>The record's property in the JSON context (<c>Default.LogEntry</c>): its name unless the context has that member.</summary>
    public required string JsonInfoName { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    public required IReadOnlyList<PropertyModel> Properties { get; init; }

    /// <summary>Views of a result type; empty for other types. A result type without declared views has one, default.</summary>
    public required IReadOnlyList<ViewModel> Views { get; init; }

    /// <summary>The <c>[GeneratedRegex]</c> methods the type's pattern checks call.</summary>
    public required IReadOnlyList<PatternModel> Patterns { get; init; }

    /// <summary>The enum that names the views (<c>LogRecordView</c>), when the type has views.</summary>
    public required string? ViewEnumName { get; init; }

    public bool HasViews => Views.Count > 0;

    /// <summary>Views that leave some attribute out, so sending in them needs a projection.</summary>
    public bool HasProjections => Views.Any(v => v.Excluded.Count > 0);

    /// <summary>
    /// What the record implements for the transports: <c>Runtime::IValidatable</c>, or for a result type with views
    /// <c>Runtime::IViewedResult&lt;LogRecord, LogRecordView&gt;</c>, through which they project and check views.
    /// </summary>
    public required string BaseInterface { get; init; }

    /// <summary>The namespaces its file imports, for the types of its properties and defaults and its pattern checks.</summary>
    public required IReadOnlyList<string> Usings { get; init; }

    public bool HasPatterns => Patterns.Count > 0;

    /// <summary>Where the record is written under gen/ (<c>Types/LogEntry.g.cs</c>), unique whatever the file system's case rules.</summary>
    public required string FileName { get; init; }
}

public sealed record PatternModel(string MethodName, string PatternLiteral);

/// <summary>A view of a result type: what it includes, what sending in it nulls out, what it requires.</summary>
public sealed record ViewModel
{
    public required string Name { get; init; }

    public required string DesignName { get; init; }

    public required string NameLiteral { get; init; }

    public required IReadOnlyList<string> Included { get; init; }

    /// <summary>C# property names the view leaves out (all nullable by construction).</summary>
    public required IReadOnlyList<string> Excluded { get; init; }

    /// <summary>Properties the view requires that are nullable in C# (required here, left out by another view).</summary>
    public required IReadOnlyList<PropertyModel> RequiredNullable { get; init; }

    public bool IsDefault => DesignName == "default";
}
