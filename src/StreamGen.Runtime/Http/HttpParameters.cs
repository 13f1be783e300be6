namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Globalization;
using global::System.Linq;
using global::System.Net.Http;
using global::System.Text;
using global::Microsoft.Extensions.Primitives;

/// <summary>
/// Reads payload attributes from path segments, query strings and headers, and writes them back for clients. A value
/// that does not parse is reported like Goa does (<c>invalid_field_type</c>); a missing one is left null for the
/// required check.
/// </summary>
public static class HttpParameters
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

    /// <summary>Parses every value of a repeated query key or comma-separated header into a list; null when absent.</summary>
    public static IReadOnlyList<T>? ParseValueArray<T>(StringValues raw, string field, ParseValue<T> parse, ref ValidationErrors? errors)
        where T : struct
    {
        if (raw.Count == 0)
        {
            return null;
        }

        var items = new List<T>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            if (parse(raw[i], $"{field}[{i}]", ref errors) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>Parses every value of a repeated query key or comma-separated header into a list; null when absent.</summary>
    public static IReadOnlyList<T>? ParseReferenceArray<T>(StringValues raw, string field, ParseReference<T> parse, ref ValidationErrors? errors)
        where T : class
    {
        if (raw.Count == 0)
        {
            return null;
        }

        var items = new List<T>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            if (parse(raw[i], $"{field}[{i}]", ref errors) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    public delegate T? ParseValue<T>(string? raw, string field, ref ValidationErrors? errors)
        where T : struct;

    public delegate T? ParseReference<T>(string? raw, string field, ref ValidationErrors? errors)
        where T : class;

    public static string FormatString(string value) => value;

    public static string FormatBoolean(bool value) => value ? "true" : "false";

    public static string FormatInt32(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatInt64(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatUInt32(uint value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatUInt64(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatSingle(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string FormatDouble(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string FormatByteArray(byte[] value) => Convert.ToBase64String(value);

    /// <summary>The first value of a response header, or null.</summary>
    public static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? Enumerable.FirstOrDefault(values) : null;

    /// <summary>Appends <c>key=value</c> (escaped) to a query string under construction.</summary>
    public static void AppendQuery(StringBuilder query, string key, string value) =>
        query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));

    private static T? Invalid<T>(string raw, string field, string expected, ref ValidationErrors? errors)
        where T : struct
    {
        (errors ??= new ValidationErrors()).Add("invalid_field_type", field, $"must be {expected}, but is \"{raw}\"");
        return null;
    }
}
