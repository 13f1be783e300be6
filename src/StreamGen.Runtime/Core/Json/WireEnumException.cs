namespace StreamGen.Runtime;

using global::System;
using global::System.Text.Json;

/// <summary>
/// A JSON value that is none of an enum's strings. System.Text.Json adds the path of the attribute (<c>$.entries[1].level</c>);
/// <see cref="JsonDecoding.Error"/> turns it into Goa's <c>invalid_enum_value</c> for that field.
/// </summary>
public sealed class WireEnumException : JsonException
{
    public WireEnumException(string detail)
        : base(detail)
    {
        Detail = detail;
    }

    public WireEnumException()
        : this("the value is none of the enum's")
    {
    }

    public WireEnumException(string detail, Exception innerException)
        : base(detail, innerException)
    {
        Detail = detail;
    }

    /// <summary>Goa's message after the field: <c>must be one of "debug", "info", but is "loud"</c>.</summary>
    public string Detail { get; } = "";
}
