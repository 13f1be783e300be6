namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Numerics;
using global::System.Text.RegularExpressions;

/// <summary>
/// The checks generated Validate methods call. Each adds an error only on failure, so a valid value costs no allocation.
/// Messages follow Goa's: the field in quotes, then what is wrong.
/// </summary>
public static class Check
{
    public static void Missing(ref ValidationErrors? errors, string field) =>
        Add(ref errors, "missing_field", field, "is missing");

    public static void Present<T>(ref ValidationErrors? errors, string field, T? value)
    {
        if (value is null)
        {
            Missing(ref errors, field);
        }
    }

    public static void Enum(ref ValidationErrors? errors, string field, string value, ReadOnlySpan<string> allowed)
    {
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return;
            }
        }

        Add(ref errors, "invalid_enum_value", field, EnumDetail(allowed, $"\"{value}\""));
    }

    public static void Enum<T>(ref ValidationErrors? errors, string field, T value, ReadOnlySpan<T> allowed)
        where T : struct, IEquatable<T>
    {
        if (!allowed.Contains(value))
        {
            Add(ref errors, "invalid_enum_value", field, $"must be one of {string.Join(", ", allowed.ToArray())}, but is {value}");
        }
    }

    /// <summary>
    /// A design enum (a C# enum whose members carry the design's strings): the zero value, which no member has, means the
    /// attribute was not set; another value outside the members (from code, or an unknown protobuf number) is invalid.
    /// </summary>
    public static void Enum<TEnum>(ref ValidationErrors? errors, string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (WireEnum<TEnum>.IsDefined(value))
        {
            return;
        }

        if (EqualityComparer<TEnum>.Default.Equals(value, default))
        {
            Missing(ref errors, field);
            return;
        }

        Add(ref errors, "invalid_enum_value", field, EnumDetail([.. WireEnum<TEnum>.Names], $"{value:D}"));
    }

    public static void Format(ref ValidationErrors? errors, string field, string value, StringFormat format)
    {
        if (!StringFormats.IsValid(format, value))
        {
            Add(ref errors, "invalid_format", field, $"must be formatted as {StringFormats.Name(format)}, but is \"{Cut(value)}\"");
        }
    }

    public static void Pattern(ref ValidationErrors? errors, string field, string value, Regex regex, string pattern)
    {
        if (!regex.IsMatch(value))
        {
            Add(ref errors, "invalid_pattern", field, $"must match the regexp \"{pattern}\", but is \"{Cut(value)}\"");
        }
    }

    /// <summary>Length in characters (Unicode scalar values, as Goa counts runes), not UTF-16 units.</summary>
    public static void MinLength(ref ValidationErrors? errors, string field, string value, int min)
    {
        if (value.Length < min || RuneLength(value) < min)
        {
            Add(ref errors, "invalid_length", field, $"length must be at least {min}, but is {RuneLength(value)}");
        }
    }

    public static void MaxLength(ref ValidationErrors? errors, string field, string value, int max)
    {
        if (value.Length > max && RuneLength(value) > max)
        {
            Add(ref errors, "invalid_length", field, $"length must be at most {max}, but is {RuneLength(value)}");
        }
    }

    public static void MinLength(ref ValidationErrors? errors, string field, byte[] value, int min)
    {
        if (value.Length < min)
        {
            Add(ref errors, "invalid_length", field, $"must be at least {min} bytes, but is {value.Length}");
        }
    }

    public static void MaxLength(ref ValidationErrors? errors, string field, byte[] value, int max)
    {
        if (value.Length > max)
        {
            Add(ref errors, "invalid_length", field, $"must be at most {max} bytes, but is {value.Length}");
        }
    }

    public static void Minimum<T>(ref ValidationErrors? errors, string field, T value, T min)
        where T : INumber<T>
    {
        if (value < min || T.IsNaN(value))
        {
            Add(ref errors, "invalid_range", field, $"must be greater or equal than {min}, but is {value}");
        }
    }

    public static void Maximum<T>(ref ValidationErrors? errors, string field, T value, T max)
        where T : INumber<T>
    {
        if (value > max || T.IsNaN(value))
        {
            Add(ref errors, "invalid_range", field, $"must be lesser or equal than {max}, but is {value}");
        }
    }

    public static void ExclusiveMinimum<T>(ref ValidationErrors? errors, string field, T value, T min)
        where T : INumber<T>
    {
        if (value <= min || T.IsNaN(value))
        {
            Add(ref errors, "invalid_range", field, $"must be greater than {min}, but is {value}");
        }
    }

    public static void ExclusiveMaximum<T>(ref ValidationErrors? errors, string field, T value, T max)
        where T : INumber<T>
    {
        if (value >= max || T.IsNaN(value))
        {
            Add(ref errors, "invalid_range", field, $"must be lesser than {max}, but is {value}");
        }
    }

    public static void MinItems<T>(ref ValidationErrors? errors, string field, IReadOnlyCollection<T> value, int min)
    {
        if (value.Count < min)
        {
            Add(ref errors, "invalid_length", field, $"must have at least {min} items, but has {value.Count}");
        }
    }

    public static void MaxItems<T>(ref ValidationErrors? errors, string field, IReadOnlyCollection<T> value, int max)
    {
        if (value.Count > max)
        {
            Add(ref errors, "invalid_length", field, $"must have at most {max} items, but has {value.Count}");
        }
    }

    public static void Nested<T>(ref ValidationErrors? errors, string field, T value)
        where T : IValidatable
    {
        var start = errors?.Count ?? 0;
        value.Validate(ref errors);
        if (errors is not null && errors.Count > start)
        {
            errors.Prefix(start, field);
        }
    }

    public static void Items<T>(ref ValidationErrors? errors, string field, IReadOnlyList<T> values)
        where T : IValidatable
    {
        for (var i = 0; i < values.Count; i++)
        {
            Value(ref errors, $"{field}[{i}]", values[i]);
        }
    }

    public static void Values<TKey, T>(ref ValidationErrors? errors, string field, IReadOnlyDictionary<TKey, T> values)
        where T : IValidatable
    {
        foreach (var (key, value) in values)
        {
            Value(ref errors, $"{field}[{key}]", value);
        }
    }

    /// <summary>An item of a list or a value of a map: missing when null, otherwise its rules with <paramref name="field"/> before their paths.</summary>
    public static void Value<T>(ref ValidationErrors? errors, string field, T? value)
        where T : IValidatable
    {
        if (value is null)
        {
            Missing(ref errors, field);
            return;
        }

        Nested(ref errors, field, value);
    }

    private static void Add(ref ValidationErrors? errors, string name, string field, string detail) =>
        (errors ??= new ValidationErrors()).Add(name, field, detail);

    private static int RuneLength(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>Goa's message for a value outside an enum: <c>must be one of "a", "b", but is "c"</c>.</summary>
    public static string EnumDetail(ReadOnlySpan<string> allowed, string actual) => $"must be one of {Join(allowed)}, but is {actual}";

    private static string Join(ReadOnlySpan<string> values)
    {
        var parts = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            parts[i] = $"\"{values[i]}\"";
        }

        return string.Join(", ", parts);
    }

    private static string Cut(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
