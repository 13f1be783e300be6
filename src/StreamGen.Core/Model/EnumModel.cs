namespace StreamGen.Model;

/// <summary>
/// A generated C# enum for the <c>enum:</c> values of string attributes: one per attribute name and list of values,
/// shared by every record that has that attribute. Members are numbered from 1 in the design's order, so the zero value
/// means "not set", as protobuf's <c>_UNSPECIFIED</c> does; the design's strings travel on every wire.
/// </summary>
public sealed record EnumModel
{
    public required string Name { get; init; }

    /// <summary>Where the enum is written under gen/ (<c>Types/Level.g.cs</c>).</summary>
    public required string FileName { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    public required IReadOnlyList<EnumMemberModel> Members { get; init; }

    /// <summary>The protobuf enum, when a gRPC message carries an attribute of this enum.</summary>
    public required ProtoEnumModel? Proto { get; init; }
}

/// <summary>A member of a design enum: its C# name, its number and the design's string for it.</summary>
public sealed record EnumMemberModel(string Name, int Value, string WireNameLiteral);

/// <summary>The protobuf form of a design enum: buf's STANDARD rules (a zero <c>_UNSPECIFIED</c> value, every value prefixed with the enum's name).</summary>
public sealed record ProtoEnumModel(string Name, IReadOnlyList<ProtoEnumValueModel> Values);

public sealed record ProtoEnumValueModel(string Name, int Number);
