using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>What the protobuf naming decided beside the methods' names: the shared messages, every record's fields, and the enums with their protobuf names.</summary>
internal sealed record ProtoNames(
    IReadOnlyDictionary<DesignObject, string> SharedMessages,
    IReadOnlyDictionary<DesignObject, IReadOnlyDictionary<string, string>> Fields,
    IReadOnlyList<EnumNames> Enums);
