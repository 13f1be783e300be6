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
    // Enum.GetNames and Enum.GetValues list names and values in the same (value) order. The non-generic overloads:
    // Enum.TryParse<PrimitiveKind> is generic code over an enum, which ReadyToRun cannot precompile.
    private static readonly string[] NameList = Enum.GetNames(typeof(PrimitiveKind));
    private static readonly Array ValueList = Enum.GetValues(typeof(PrimitiveKind));

    /// <summary>The kind named exactly <paramref name="name"/> (ordinal, no numbers, no lists).</summary>
    public static bool TryParse(string name, out PrimitiveKind kind)
    {
        var index = Array.IndexOf(NameList, name);
        kind = index < 0 ? default : (PrimitiveKind)ValueList.GetValue(index)!;
        return index >= 0;
    }

    public static bool IsInteger(this PrimitiveKind kind) => kind is PrimitiveKind.Int or PrimitiveKind.Int32 or PrimitiveKind.Int64
        or PrimitiveKind.UInt or PrimitiveKind.UInt32 or PrimitiveKind.UInt64;

    public static bool IsNumber(this PrimitiveKind kind) => kind.IsInteger() || kind is PrimitiveKind.Float32 or PrimitiveKind.Float64;

    public static IReadOnlyList<string> Names => NameList;
}
