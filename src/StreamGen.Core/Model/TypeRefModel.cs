namespace StreamGen.Model;

/// <summary>A resolved C# type for a design type expression.</summary>
public sealed record TypeRefModel
{
    /// <summary>The non-nullable C# type (<c>string</c>, <c>long</c>, <c>global::Acme.Logger.LogEntry</c>).</summary>
    public required string TypeName { get; init; }

    /// <summary>The same type as user-owned files write it, with the API namespace and System.Collections.Generic imported.</summary>
    public required string ShortTypeName { get; init; }

    public required bool IsValueType { get; init; }

    /// <summary>An object type with a generated Validate method.</summary>
    public required bool IsValidatable { get; init; }

    /// <summary>An ArrayOf or MapOf whose elements/values are validatable.</summary>
    public required bool HasValidatableItems { get; init; }

    public required bool IsArray { get; init; }

    public required bool IsMap { get; init; }

    /// <summary>The design's spelling, for messages and docs.</summary>
    public required string DesignType { get; init; }

    /// <summary>The name JSON type info gets in the context (<c>LogEntry</c>, <c>String</c>, <c>ArrayOfLogRecord</c>).</summary>
    public required string JsonInfoName { get; init; }

    /// <summary>The element type of an ArrayOf, or the value type of a MapOf.</summary>
    public TypeRefModel? Element { get; init; }

    /// <summary>The key type of a MapOf.</summary>
    public TypeRefModel? Key { get; init; }

    public string NullableTypeName => TypeName + "?";
}
