using StreamGen.Design.Types;

namespace StreamGen.Model;

/// <summary>
/// How one of Goa's primitives appears in generated code: its C# type (as the generated files write it, Any's
/// <c>JsonElement</c> through <c>using System.Text.Json</c>), whether that is a value type, the name the runtime and the
/// JSON context give it (<c>ParseInt32</c>, <c>Default.Int32</c>) and its protobuf scalar.
/// </summary>
public sealed record PrimitiveForm(string CSharpType, bool IsValueType, string RuntimeName, string ProtoType)
{
    private static readonly PrimitiveForm Boolean = new("bool", true, "Boolean", "bool");
    private static readonly PrimitiveForm Int32 = new("int", true, "Int32", "sint32");
    private static readonly PrimitiveForm Int64 = new("long", true, "Int64", "sint64");
    private static readonly PrimitiveForm UInt32 = new("uint", true, "UInt32", "uint32");
    private static readonly PrimitiveForm UInt64 = new("ulong", true, "UInt64", "uint64");
    private static readonly PrimitiveForm Single = new("float", true, "Single", "float");
    private static readonly PrimitiveForm Double = new("double", true, "Double", "double");
    private static readonly PrimitiveForm String = new("string", false, "String", "string");
    private static readonly PrimitiveForm Bytes = new("byte[]", false, "ByteArray", "bytes");
    private static readonly PrimitiveForm Any = new("JsonElement", true, "JsonElement", "google.protobuf.Value");

    /// <summary>The kind as generated code sees it: Int is Int32 and UInt is UInt32, as C# maps them.</summary>
    public static PrimitiveKind Normalize(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Int => PrimitiveKind.Int32,
        PrimitiveKind.UInt => PrimitiveKind.UInt32,
        _ => kind,
    };

    public static PrimitiveForm Of(PrimitiveKind kind) => Normalize(kind) switch
    {
        PrimitiveKind.Boolean => Boolean,
        PrimitiveKind.Int32 => Int32,
        PrimitiveKind.Int64 => Int64,
        PrimitiveKind.UInt32 => UInt32,
        PrimitiveKind.UInt64 => UInt64,
        PrimitiveKind.Float32 => Single,
        PrimitiveKind.Float64 => Double,
        PrimitiveKind.String => String,
        PrimitiveKind.Bytes => Bytes,
        _ => Any,
    };

    /// <summary>Every form's runtime name: the JSON context and the runtime's parse methods use these.</summary>
    public static IReadOnlyList<string> RuntimeNames { get; } =
        [Boolean.RuntimeName, Int32.RuntimeName, Int64.RuntimeName, UInt32.RuntimeName, UInt64.RuntimeName, Single.RuntimeName, Double.RuntimeName, String.RuntimeName, Bytes.RuntimeName, Any.RuntimeName];
}
