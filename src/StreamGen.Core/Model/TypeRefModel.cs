using StreamGen.Design.Types;

namespace StreamGen.Model;

/// <summary>A resolved C# type for a design type expression.</summary>
public sealed record TypeRefModel
{
    public required TypeKind Kind { get; init; }

    /// <summary>For a primitive, its kind as generated code sees it (Int and UInt are Int32 and UInt32).</summary>
    public required PrimitiveKind? Primitive { get; init; }

    /// <summary>For a record, its C# name.</summary>
    public required string? RecordName { get; init; }

    /// <summary>For a design enum, the generated enum.</summary>
    public EnumModel? Enum { get; init; }

    /// <summary>
    /// The non-nullable C# type as every generated file writes it (<c>string</c>, <c>long</c>, <c>LogEntry</c>,
    /// <c>IReadOnlyList&lt;LogRecord&gt;</c>): types of the API namespace by their name, others through the
    /// <see cref="Namespaces"/> the file imports.
    /// </summary>
    public required string TypeName { get; init; }

    /// <summary>The namespaces a file writing <see cref="TypeName"/> imports (<c>System.Collections.Generic</c> for a list).</summary>
    public required IReadOnlyList<string> Namespaces { get; init; }

    /// <summary>The name JSON type info gets in the context (<c>LogEntry</c>, <c>String</c>, <c>ArrayOfLogRecord</c>).</summary>
    public required string JsonInfoName { get; init; }

    /// <summary>The element type of an ArrayOf, or the value type of a MapOf.</summary>
    public TypeRefModel? Element { get; init; }

    /// <summary>The key type of a MapOf.</summary>
    public TypeRefModel? Key { get; init; }

    public bool IsValueType => IsEnum || (Primitive is { } primitive && PrimitiveForm.Of(primitive).IsValueType);

    /// <summary>An object type with a generated Validate method.</summary>
    public bool IsValidatable => Kind == TypeKind.Record;

    /// <summary>An ArrayOf or MapOf whose elements/values are validatable.</summary>
    public bool HasValidatableItems => Element?.IsValidatable == true;

    public bool IsArray => Kind == TypeKind.Array;

    public bool IsMap => Kind == TypeKind.Map;

    public bool IsEnum => Kind == TypeKind.Enum;

    /// <summary>Goa's Any: a JSON value of any shape (<c>JsonElement</c>; <c>google.protobuf.Value</c> over gRPC).</summary>
    public bool IsAny => Primitive == PrimitiveKind.Any;

    /// <summary>Any here or in an element, key or value: the type needs System.Text.Json in C# and struct.proto in protobuf.</summary>
    public bool ContainsAny => IsAny || Element?.ContainsAny == true || Key?.ContainsAny == true;

    public string NullableTypeName => TypeName + "?";
}
