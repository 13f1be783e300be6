using System.Globalization;
using StreamGen.Design.Types;
using StreamGen.Naming;

namespace StreamGen.Model;

/// <summary>C# literals for values read from the design, escaped as Roslyn's literal formatting does.</summary>
public static class CSharpLiterals
{
    public static string String(string value) => CSharpLexical.StringLiteral(value);

    /// <summary>A literal of the C# type a primitive maps to (<c>100</c>, <c>100L</c>, <c>1.5F</c>).</summary>
    public static string Primitive(PrimitiveKind kind, object value) => kind switch
    {
        PrimitiveKind.Boolean => (bool)value ? "true" : "false",
        PrimitiveKind.String => String((string)value),
        PrimitiveKind.Bytes => $"global::System.Convert.FromBase64String({String((string)value)})",
        PrimitiveKind.Int or PrimitiveKind.Int32 => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        PrimitiveKind.Int64 => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "L",
        PrimitiveKind.UInt or PrimitiveKind.UInt32 => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "U",
        PrimitiveKind.UInt64 => Convert.ToUInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "UL",
        PrimitiveKind.Float32 => Float(Convert.ToDouble(value, CultureInfo.InvariantCulture), "F"),
        PrimitiveKind.Float64 => Float(Convert.ToDouble(value, CultureInfo.InvariantCulture), "D"),
        _ => throw new InvalidOperationException($"No literal form for {kind}."),
    };

    /// <summary>A number literal of the property's C# type for a range check (<c>minimum: 1</c> on an Int64 → <c>1L</c>).</summary>
    public static string Number(PrimitiveKind kind, double value) => kind switch
    {
        PrimitiveKind.Float32 or PrimitiveKind.Float64 => Primitive(kind, value),
        _ when value != Math.Floor(value) => throw new InvalidOperationException("A bound of an integer type must be whole."),
        PrimitiveKind.UInt64 => Primitive(kind, (ulong)value),
        _ => Primitive(kind, (long)value),
    };

    private static string Float(double value, string suffix) => double.IsPositiveInfinity(value)
        ? (suffix == "F" ? "float.PositiveInfinity" : "double.PositiveInfinity")
        : double.IsNegativeInfinity(value)
            ? (suffix == "F" ? "float.NegativeInfinity" : "double.NegativeInfinity")
            : double.IsNaN(value)
                ? (suffix == "F" ? "float.NaN" : "double.NaN")
                : value.ToString("R", CultureInfo.InvariantCulture) + suffix;
}
