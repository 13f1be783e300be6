namespace StreamGen.Model.TypeScript;

/// <summary>
/// The TypeScript client of an API: one ES module (<c>logger.ts</c>) beside the runtime it imports (<c>streamgen.ts</c>),
/// every name and literal decided, so the templates only print.
/// </summary>
public sealed record TypeScriptModuleModel
{
    /// <summary>The module's file (<c>logger.ts</c>).</summary>
    public required string FileName { get; init; }

    /// <summary>The runtime's file (<c>streamgen.ts</c>).</summary>
    public required string RuntimeFileName { get; init; }

    /// <summary>How the module imports the runtime: <c>./streamgen.js</c>, as ES modules name the compiled file.</summary>
    public required string RuntimeSpecifierLiteral { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    /// <summary>The runtime's values the module uses, and its types: exactly those, so the module has no unused import.</summary>
    public required IReadOnlyList<string> ValueImports { get; init; }

    public required IReadOnlyList<string> TypeImports { get; init; }

    public bool HasValueImports => ValueImports.Count > 0;

    public bool HasTypeImports => TypeImports.Count > 0;

    /// <summary>Every object type, in the order the C# records are generated.</summary>
    public required IReadOnlyList<TypeScriptTypeModel> Types { get; init; }

    /// <summary>The design's errors, each once per service that declares it.</summary>
    public required IReadOnlyList<TypeScriptErrorModel> Errors { get; init; }

    /// <summary>A client per service with HTTP methods.</summary>
    public required IReadOnlyList<TypeScriptClientModel> Clients { get; init; }
}

/// <summary>A string-literal union (and the const array of its values) for an attribute's <c>enum:</c>.</summary>
public sealed record TypeScriptEnumModel(string Name, IReadOnlyList<string> Description, string ValuesLiteral);

/// <summary>An error class: the design error it stands for, by its wire name.</summary>
public sealed record TypeScriptErrorModel(string ClassName, string Key, IReadOnlyList<string> Description);
