namespace StreamGen.Model.Building;

/// <summary>Pass 2a: a C# enum (and its protobuf form) for every design enum the name pass named.</summary>
internal static class EnumPass
{
    public static IReadOnlyDictionary<EnumNames, EnumModel> Run(ModelNames names) => names.Enums.ToDictionary(e => e, Enum);

    private static EnumModel Enum(EnumNames names)
    {
        var description = names.Uses[0].Attribute.Description is { } text
            ? text
            : $"The values of attribute {names.AttributeName}: {string.Join(", ", names.Values)}.";
        return new EnumModel
        {
            Name = names.Name,
            FileName = names.FileName,
            Description = Docs.Lines(description),
            Members = names.Values.Select((v, i) => new EnumMemberModel(names.Members[v], i + 1, CSharpLiterals.String(v))).ToList(),
            Proto = names.ProtoName is { } proto
                ? new ProtoEnumModel(proto, [new ProtoEnumValueModel(names.ProtoZero!, 0), .. names.Values.Select((v, i) => new ProtoEnumValueModel(names.ProtoValues[v], i + 1))])
                : null,
        };
    }
}
