namespace StreamGen.Runtime;

using global::System;
using global::System.Text;

/// <summary>
/// The relative URI a generated client requests: the route's literal text, its parameters escaped as path segments, then
/// the query string (<c>/logs/a%20b/stream?since=42</c>). Values are formatted by <see cref="Parameters"/>.
/// </summary>
public sealed class HttpUri
{
    private readonly StringBuilder _text = new();
    private bool _hasQuery;

    /// <summary>Appends route text as it is.</summary>
    public HttpUri Literal(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>
    /// Appends the path parameter <paramref name="field"/>, escaped so that any value arrives as one segment (reserved
    /// characters, '%', spaces and non-ASCII as UTF-8 escapes). The values no route can carry are refused here, as a
    /// <see cref="ValidationException"/> at the attribute rather than a 404 from the server: the empty string
    /// (<c>/items/</c> matches no <c>/items/{id}</c>) and the dot segments <c>.</c> and <c>..</c>, which every URI stack
    /// removes (RFC 3986 5.2.4), Go's and Kestrel's included, escaped or not.
    /// </summary>
    public HttpUri Segment(string value, string field)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is "" or "." or "..")
        {
            var errors = new ValidationErrors();
            errors.Add("invalid_field_type", field, value.Length == 0
                ? "is empty, and a path parameter cannot be: no route matches an empty segment"
                : $"is \"{value}\", a dot segment, which URIs remove: no route can carry it");
            throw errors.ToException();
        }

        _text.Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Appends <c>key=value</c> to the query string, both escaped.</summary>
    public HttpUri Query(string key, string value)
    {
        _text.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        return this;
    }

    /// <summary>Appends the query parameters that carry credentials (an API key sent in the query).</summary>
    public HttpUri Query(CredentialValues credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        foreach (var (key, value) in credentials.Query)
        {
            Query(key, value);
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
