using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>A StreamGen service design: one API, its types and its services (Goa's API, Type, ResultType and Service).</summary>
[Description("A StreamGen service design (mirrors Goa's DSL).")]
public sealed class DesignDocument : DesignElement
{
    [JsonIgnore]
    public string File { get; internal set; } = "";

    [Required]
    [JsonPropertyName("api")]
    [Description("The API: its name, namespace and default ports.")]
    public DesignApi? Api { get; set; }

    [JsonPropertyName("types")]
    [Description("Named user types (Goa Type).")]
    public OrderedDictionary<string, DesignType>? Types { get; set; }

    [JsonPropertyName("resultTypes")]
    [Description("Named result types with views (Goa ResultType).")]
    public OrderedDictionary<string, DesignResultType>? ResultTypes { get; set; }

    [Required]
    [JsonPropertyName("services")]
    [Description("The services (Goa Service).")]
    public OrderedDictionary<string, DesignService>? Services { get; set; }
}
