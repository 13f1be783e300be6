using System.ComponentModel;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>A method (Goa Method). Its stream shape follows from which of payload/streamingPayload/result/streamingResult it has.</summary>
public sealed class DesignMethod : DesignElement
{
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("payload")]
    [Description("The request (Goa Payload); with a streamingPayload, the initial request sent once when the stream opens.")]
    public DesignTypeRef? Payload { get; set; }

    [JsonPropertyName("streamingPayload")]
    [Description("The type of each message the client streams (Goa StreamingPayload).")]
    public DesignTypeRef? StreamingPayload { get; set; }

    [JsonPropertyName("result")]
    [Description("The response (Goa Result).")]
    public DesignTypeRef? Result { get; set; }

    [JsonPropertyName("streamingResult")]
    [Description("The type of each message the server streams (Goa StreamingResult).")]
    public DesignTypeRef? StreamingResult { get; set; }

    [JsonPropertyName("errors")]
    [Description("Errors of this method, beside the service's.")]
    public OrderedDictionary<string, DesignError>? Errors { get; set; }

    [JsonPropertyName("http")]
    public DesignMethodHttp? Http { get; set; }

    [JsonPropertyName("grpc")]
    public DesignGrpc? Grpc { get; set; }
}
