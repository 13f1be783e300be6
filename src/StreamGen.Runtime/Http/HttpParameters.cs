namespace StreamGen.Runtime;

using global::System.Collections.Generic;
using global::System.Linq;
using global::System.Net.Http;
using global::Microsoft.Extensions.Primitives;

/// <summary>
/// What HTTP adds to <see cref="Parameters"/>: lists from repeated query keys and comma-separated headers, and
/// response headers read by clients.
/// </summary>
public static class HttpParameters
{
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

    /// <summary>The first value of a response header, or null.</summary>
    public static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? Enumerable.FirstOrDefault(values) : null;
}
