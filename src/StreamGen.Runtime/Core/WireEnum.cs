namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Reflection;
using global::System.Text.Json.Serialization;

/// <summary>
/// The design's strings for the members of a generated enum, read once from their
/// <see cref="JsonStringEnumMemberNameAttribute"/>: a design enum's values (<c>Level.Warn</c> is <c>"warn"</c> in JSON, in a
/// query string, a header, gRPC metadata and an SSE field) and a result type's views (<c>LogRecordView.Tiny</c> is
/// <c>tiny</c> in the Goa-View header). Lookups allocate nothing.
/// </summary>
public static class WireEnum<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> NamesByValue = [];
    private static readonly Dictionary<string, TEnum> ValuesByName = new(StringComparer.Ordinal);
    private static readonly List<string> OrderedNames = [];

#pragma warning disable CA1810 // The three tables are built together from one reflection pass.
    static WireEnum()
#pragma warning restore CA1810
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var field = typeof(TEnum).GetField(Enum.GetName(value)!, BindingFlags.Public | BindingFlags.Static)!;
            var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
            NamesByValue[value] = name;
            ValuesByName[name] = value;
            OrderedNames.Add(name);
        }
    }

    /// <summary>Every member's string, in the order of the members.</summary>
    public static IReadOnlyList<string> Names => OrderedNames;

    public static bool IsDefined(TEnum value) => NamesByValue.ContainsKey(value);

    /// <summary>The member's string; a value outside the members (a bug in the caller) as its number.</summary>
    public static string Name(TEnum value) => NamesByValue.TryGetValue(value, out var name) ? name : value.ToString("D");

    /// <summary>The member with exactly this string (ordinal, as Goa compares enum values).</summary>
    public static bool TryParse(string? name, out TEnum value)
    {
        if (name is not null && ValuesByName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }
}
