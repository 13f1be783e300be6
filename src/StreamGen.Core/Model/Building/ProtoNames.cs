using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>What the protobuf naming decided beside the methods' names: the shared messages and every record's fields.</summary>
internal sealed record ProtoNames(
    IReadOnlyDictionary<DesignObject, string> SharedMessages,
    IReadOnlyDictionary<DesignObject, IReadOnlyDictionary<string, string>> Fields);
