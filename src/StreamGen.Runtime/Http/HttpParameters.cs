namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Linq;
using global::System.Net.Http;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.AspNetCore.Http.Features;
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

    /// <summary>
    /// The text of the path parameter <paramref name="key"/>, <paramref name="segmentFromEnd"/> segments from the end of the
    /// path (1 = last). Kestrel decodes the path it routes on except <c>%2F</c>, so a value holding '/' would reach the
    /// handler as "%2F", and one holding "%2F" too; when the routed value holds such an escape, the segment is read from
    /// the raw request target and unescaped once, as the client escaped it (<see cref="HttpUri.Segment"/>).
    /// </summary>
    public static string? PathValue(HttpContext context, string key, int segmentFromEnd)
    {
        ArgumentNullException.ThrowIfNull(context);
        var routed = context.Request.RouteValues[key] as string;
        if (routed is null || !routed.Contains("%2F", StringComparison.OrdinalIgnoreCase)
            || context.Features.Get<IHttpRequestFeature>()?.RawTarget is not { Length: > 0 } target || target[0] != '/')
        {
            return routed;
        }

        var query = target.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? target : target[..query]).TrimEnd('/').Split('/');
        return segments.Length > segmentFromEnd ? Uri.UnescapeDataString(segments[^segmentFromEnd]) : routed;
    }

    /// <summary>
    /// Adds a request header a payload attribute maps to, unvalidated (the value is the attribute's text, sent as is). A
    /// content header (<c>Content-Type</c> of a raw body, <c>Content-Language</c>...) goes to the request's content, which
    /// must therefore be set first; a request without a body gets an empty one to carry it.
    /// </summary>
    public static void AddHeader(HttpRequestMessage request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryAddWithoutValidation(name, value))
        {
            request.Content ??= new ByteArrayContent([]);
            request.Content.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>The first value of a response header, or null; content headers (<c>Content-Length</c>, <c>Content-Type</c>...) included.</summary>
    public static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? Enumerable.FirstOrDefault(values) : null;
}
