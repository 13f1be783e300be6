namespace StreamGen.Model;

/// <summary>What a resolved type is; its C#, JSON and protobuf forms are chosen by it.</summary>
public enum TypeKind
{
    Primitive,
    Array,
    Map,
    Record,
}
