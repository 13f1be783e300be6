using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>A named user type (Goa Type): ordered attributes plus the names that are required.</summary>
public class DesignType : DesignElement
{
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [Required]
    [JsonPropertyName("attributes")]
    [Description("Ordered attributes; the order is kept in generated code and in protobuf.")]
    public OrderedDictionary<string, DesignAttribute>? Attributes { get; set; }

    [JsonPropertyName("required")]
    [Description("Names of the attributes that must be present.")]
    public List<string>? Required { get; set; }
}

/// <summary>A named result type (Goa ResultType): a type with an identifier and views.</summary>
public sealed class DesignResultType : DesignType
{
    [JsonPropertyName("identifier")]
    [Description("Media type identifier, e.g. application/vnd.logger.record.")]
    public string? Identifier { get; set; }

    [JsonPropertyName("views")]
    [Description("Per view, the attributes it renders. Without views the type has one view, default, with every attribute.")]
    public OrderedDictionary<string, List<string>>? Views { get; set; }
}
