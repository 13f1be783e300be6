namespace StreamGen.Runtime;

using global::System;
using global::System.Globalization;

/// <summary>
/// The text form of payload attributes that travel outside a body: path segments, query strings, headers and gRPC
/// metadata. Parsing reports a value that does not parse as Goa does (<c>invalid_field_type</c>, or
/// <c>invalid_enum_value</c> for a design enum) and leaves a missing one null for the required check; formatting is what
/// the generated clients send, in the invariant culture.
/// </summary>
public static class Parameters
{
    public static string? ParseString(string? raw, string field, ref ValidationErrors? errors) => raw;

    public static bool? ParseBoolean(string? raw, string field, ref ValidationErrors? errors) =>
        raw is null ? null : bool.TryParse(raw, out var value) ? value : Invalid<bool>(raw, field, "a boolean", ref errors);

    public static int? ParseInt32(string? raw, string field, ref ValidationErrors? errors) =>
        raw is null ? null : int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : Invalid<int>(raw, field, "an integer", ref errors);

    public static long? ParseInt64(string? raw, string field, ref ValidationErrors? errors) =>
        raw is null ? null : long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : Invalid<long>(raw, field, "an integer", ref errors);

    public static uint? ParseUInt32(string? raw, string field, ref ValidationErrors? errors) =>
        raw is null ? null : uint.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : Invalid<uint>(raw, field, "an unsigned integer", ref errors);

    public static ulong? ParseUInt64(string? raw, string field, ref ValidationErrors? errors) =>
        raw is null ? null : ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : Invalid<ulong>(raw, field, "an unsigned integer", ref errors);

    public static float? ParseSingle(string? raw, string field, ref ValidationErrors? errors) =>
        raw is null ? null : float.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : Invalid<float>(raw, field, "a number", ref errors);

    public static double? ParseDouble(string? raw, string field, ref ValidationErrors? errors) =>
        raw is null ? null : double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : Invalid<double>(raw, field, "a number", ref errors);

    public static byte[]? ParseByteArray(string? raw, string field, ref ValidationErrors? errors)
    {
        if (raw is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(raw);
        }
        catch (FormatException)
        {
            (errors ??= new ValidationErrors()).Add("invalid_field_type", field, $"must be base64, but is \"{raw}\"");
            return null;
        }
    }

    /// <summary>A design enum from the design's string for one of its members.</summary>
    public static TEnum? ParseEnum<TEnum>(string? raw, string field, ref ValidationErrors? errors)
        where TEnum : struct, Enum
    {
        if (raw is null)
        {
            return null;
        }

        if (WireEnum<TEnum>.TryParse(raw, out var value))
        {
            return value;
        }

        (errors ??= new ValidationErrors()).Add("invalid_enum_value", field, Check.EnumDetail([.. WireEnum<TEnum>.Names], $"\"{raw}\""));
        return null;
    }

    public static string FormatString(string value) => value;

    public static string FormatBoolean(bool value) => value ? "true" : "false";

    public static string FormatInt32(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatInt64(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatUInt32(uint value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatUInt64(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatSingle(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string FormatDouble(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string FormatByteArray(byte[] value) => Convert.ToBase64String(value);

    public static string FormatEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum => WireEnum<TEnum>.Name(value);

    private static T? Invalid<T>(string raw, string field, string expected, ref ValidationErrors? errors)
        where T : struct
    {
        (errors ??= new ValidationErrors()).Add("invalid_field_type", field, $"must be {expected}, but is \"{raw}\"");
        return null;
    }
}
