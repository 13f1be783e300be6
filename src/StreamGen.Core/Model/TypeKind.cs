namespace StreamGen.Model;

/// <summary>What a resolved type is; its C#, JSON and protobuf forms are chosen by it.</summary>
public enum TypeKind
{
    Primitive,
    Array,
    Map,
    Record,

    /// <summary>A string attribute with <c>enum:</c> values: a generated C# enum whose members carry the design's strings.</summary>
    Enum,
}
