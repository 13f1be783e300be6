using StreamGen.Design;

namespace StreamGen.Model.Building;

/// <summary>
/// The names of a design enum: the C# enum and its file, its members by design value, the attributes it types, and its
/// protobuf enum when a gRPC message carries one of them.
/// </summary>
internal sealed record EnumNames(string Name, string FileName, string AttributeName, IReadOnlyList<string> Values, IReadOnlyDictionary<string, string> Members)
{
    /// <summary>The records (by the order they are generated) and attributes typed by this enum.</summary>
    public required IReadOnlyList<EnumUse> Uses { get; init; }

    public string? ProtoName { get; init; }

    /// <summary>The protobuf value of each design value; the zero value is <see cref="ProtoZero"/>.</summary>
    public IReadOnlyDictionary<string, string> ProtoValues { get; init; } = new Dictionary<string, string>();

    public string? ProtoZero { get; init; }
}
