namespace StreamGen.Design.Types;

/// <summary>Goa's primitive types.</summary>
public enum PrimitiveKind
{
    Boolean,
    Int,
    Int32,
    Int64,
    UInt,
    UInt32,
    UInt64,
    Float32,
    Float64,
    String,
    Bytes,
    Any,
}

public static class PrimitiveKinds
{
    public static bool TryParse(string name, out PrimitiveKind kind) =>
        Enum.TryParse(name, ignoreCase: false, out kind) && Enum.IsDefined(kind) && name == kind.ToString();

    public static bool IsInteger(this PrimitiveKind kind) => kind is PrimitiveKind.Int or PrimitiveKind.Int32 or PrimitiveKind.Int64
        or PrimitiveKind.UInt or PrimitiveKind.UInt32 or PrimitiveKind.UInt64;

    public static bool IsNumber(this PrimitiveKind kind) => kind.IsInteger() || kind is PrimitiveKind.Float32 or PrimitiveKind.Float64;

    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<PrimitiveKind>();
}
