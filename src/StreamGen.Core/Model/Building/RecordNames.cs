namespace StreamGen.Model.Building;

/// <summary>
/// The names of a record: its type, file, view enum and JSON type info, and per attribute and view its members, per
/// attribute its protobuf field.
/// </summary>
internal sealed record RecordNames(
    string Name,
    string FileName,
    string? ViewEnum,
    string JsonInfo,
    IReadOnlyDictionary<string, PropertyNames> Properties,
    IReadOnlyDictionary<string, string> Views,
    IReadOnlyDictionary<string, string> ProtoFields);
