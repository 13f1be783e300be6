using System.ComponentModel;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>
/// A method's payload, streamingPayload, result or streamingResult: a type expression
/// (<c>payload: LogEntry</c>), an inline type, or <c>{ type: LogRecord, view: tiny }</c>.
/// </summary>
[ScalarShorthand("type")]
public sealed class DesignTypeRef : DesignElement
{
    [JsonPropertyName("type")]
    [Description("A type expression: a primitive, ArrayOf(T), MapOf(K, V) or a user/result type name.")]
    public string? Type { get; set; }

    [JsonPropertyName("view")]
    [Description("With a result type: the view this method always renders (Goa View).")]
    public string? View { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("attributes")]
    [Description("An inline object type, instead of 'type'.")]
    public OrderedDictionary<string, DesignAttribute>? Attributes { get; set; }

    [JsonPropertyName("required")]
    public List<string>? Required { get; set; }
}
