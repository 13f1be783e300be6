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

    /// <summary>Appends a path parameter, escaped so that any value arrives as one segment.</summary>
    public HttpUri Segment(string value)
    {
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
