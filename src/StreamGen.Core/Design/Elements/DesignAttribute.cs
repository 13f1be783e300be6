using System.ComponentModel;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>An attribute (Goa Attribute/Field): a type expression or an inline object type, plus validations.</summary>
public sealed class DesignAttribute : DesignElement
{
    [JsonPropertyName("type")]
    [Description("Boolean, Int, Int32, Int64, UInt, UInt32, UInt64, Float32, Float64, String, Bytes, Any, ArrayOf(T), MapOf(K, V) or a user/result type name.")]
    public string? Type { get; set; }

    [JsonPropertyName("attributes")]
    [Description("An inline object type, instead of 'type'.")]
    public OrderedDictionary<string, DesignAttribute>? Attributes { get; set; }

    [JsonPropertyName("required")]
    [Description("With 'attributes': the names that are required.")]
    public List<string>? Required { get; set; }

    [JsonPropertyName("field")]
    [Description("Protobuf field number (Goa Field): 1..536870911 outside 19000..19999, unique in the type.")]
    public long? Field { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("credential")]
    [Description("Payload attributes only: the attribute carries the credential of this security scheme (Goa TokenField, AccessTokenField, APIKeyField, UsernameField, PasswordField) instead of travelling in the body, query, headers or protobuf message.")]
    public DesignCredential? Credential { get; set; }

    [JsonPropertyName("format")]
    [Description("date, date-time, uuid, email, hostname, ipv4, ipv6, ip, uri, mac, cidr, regexp, json, rfc1123")]
    public string? Format { get; set; }

    [JsonPropertyName("pattern")]
    [Description("A regular expression the string must match.")]
    public string? Pattern { get; set; }

    [JsonPropertyName("enum")]
    public List<DesignValue>? Enum { get; set; }

    [JsonPropertyName("default")]
    public DesignValue? Default { get; set; }

    [JsonPropertyName("example")]
    public DesignValue? Example { get; set; }

    [JsonPropertyName("minimum")]
    public double? Minimum { get; set; }

    [JsonPropertyName("maximum")]
    public double? Maximum { get; set; }

    [JsonPropertyName("exclusiveMinimum")]
    public double? ExclusiveMinimum { get; set; }

    [JsonPropertyName("exclusiveMaximum")]
    public double? ExclusiveMaximum { get; set; }

    [JsonPropertyName("minLength")]
    public int? MinLength { get; set; }

    [JsonPropertyName("maxLength")]
    public int? MaxLength { get; set; }

    [JsonPropertyName("minItems")]
    public int? MinItems { get; set; }

    [JsonPropertyName("maxItems")]
    public int? MaxItems { get; set; }
}
