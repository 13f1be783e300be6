namespace StreamGen.Model.Cli;

/// <summary>
/// One option of a command (<c>--topic</c>): its C# local, the <c>Runtime::CliOptions</c> factory that creates it and
/// that factory's arguments, and how the command reads its value.
/// </summary>
public sealed record CliOptionModel
{
    /// <summary>The option as typed (<c>--topic</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The C# local holding the option (<c>topicOption</c>).</summary>
    public required string Local { get; init; }

    public required CliOptionKind Kind { get; init; }

    /// <summary><see cref="Name"/> as a C# string literal.</summary>
    public required string NameLiteral { get; init; }

    /// <summary>The attribute's JSON name as a C# literal, for error messages (Enum, View and Json options).</summary>
    public required string FieldLiteral { get; init; }

    /// <summary>The help text as a C# literal (with the default shown for an enum, " (JSON)" for a JSON value).</summary>
    public required string DescriptionLiteral { get; init; }

    /// <summary>The value's name in help (<c>"int64"</c>, <c>"path"</c>, <c>"json"</c>) as a C# literal.</summary>
    public required string HelpNameLiteral { get; init; }

    /// <summary>The factory's type argument: the option's value type (<c>long?</c>, <c>Level</c>, <c>LoggerView</c>).</summary>
    public required string TypeName { get; init; }

    public required bool IsRequired { get; init; }

    /// <summary>The design's default as a C# expression, or null.</summary>
    public required string? DefaultLiteral { get; init; }

    /// <summary>The class whose <c>Options</c> read a JSON value (the JSON context's reader class).</summary>
    public required string JsonReaderClassName { get; init; }

    public required CliOptionRead Read { get; init; }

    public bool IsPath => Kind == CliOptionKind.Path;

    public bool IsView => Kind == CliOptionKind.View;

    public bool IsEnum => Kind == CliOptionKind.Enum;

    public bool IsValue => Kind == CliOptionKind.Value;

    public bool IsDefaulted => Kind == CliOptionKind.Defaulted;

    public bool IsJson => Kind == CliOptionKind.Json;

    public string RequiredLiteral => IsRequired ? "true" : "false";

    public bool ReadsRequired => Read == CliOptionRead.Required;

    public bool ReadsRequiredNotNull => Read == CliOptionRead.RequiredNotNull;

    public bool ReadsRequiredEnum => Read == CliOptionRead.RequiredEnum;

    public bool ReadsOrDefault => Read == CliOptionRead.OrDefault;
}
