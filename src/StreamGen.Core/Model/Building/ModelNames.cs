using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>
/// Every name the name pass decided, looked up by the design element it belongs to; the registry holds the scopes
/// they were decided in. Later passes read names here and never invent one.
/// </summary>
internal sealed class ModelNames
{
    public required NameRegistry Registry { get; init; }

    /// <summary>The scope of the API namespace's types (records, services' classes, the JSON context...).</summary>
    public required NameScope Types { get; init; }

    /// <summary>Every object that becomes a record, in the order the records are generated.</summary>
    public required IReadOnlyList<DesignObject> Objects { get; init; }

    public required IReadOnlyDictionary<DesignObject, RecordNames> Records { get; init; }

    public required IReadOnlyDictionary<DesignService, ServiceNames> Services { get; init; }

    public required IReadOnlyDictionary<DesignMethod, MethodNames> Methods { get; init; }

    /// <summary>The design enums, in the order their files are generated.</summary>
    public required IReadOnlyList<EnumNames> Enums { get; init; }

    /// <summary>The protobuf message of each record used as a field, element or map value of a gRPC message.</summary>
    public required IReadOnlyDictionary<DesignObject, string> SharedMessages { get; init; }

    /// <summary>The names security adds, when the API declares schemes.</summary>
    public required SecurityNames? Security { get; init; }

    public RecordNames Record(DesignObject type) => Records[type];

    /// <summary>The enum that types an attribute of a record, when it is a string attribute with <c>enum:</c> values.</summary>
    public EnumNames? EnumOf(DesignAttribute attribute) => EnumsByAttribute.GetValueOrDefault(attribute);

    /// <summary>The enum of each attribute an enum types.</summary>
    public required IReadOnlyDictionary<DesignAttribute, EnumNames> EnumsByAttribute { get; init; }
}
