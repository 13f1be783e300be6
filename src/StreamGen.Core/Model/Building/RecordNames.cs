namespace StreamGen.Model.Building;

/// <summary>The names of a record: its type, view enum, JSON type info, and per attribute and view its members.</summary>
internal sealed record RecordNames(
    string Name,
    string? ViewEnum,
    string JsonInfo,
    IReadOnlyDictionary<string, PropertyNames> Properties,
    IReadOnlyDictionary<string, string> Views);
