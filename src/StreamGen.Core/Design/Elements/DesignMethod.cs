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

    [JsonPropertyName("security")]
    [Description("Alternatives (Goa Security calls), any one of which admits a request; replaces the service's. An empty list (Goa NoSecurity) leaves the method open.")]
    public List<DesignSecurityRequirement>? Security { get; set; }

    [JsonPropertyName("serverInterceptors")]
    [Description("Names of api.interceptors the server runs around this method, after its service's, in order (Goa ServerInterceptor).")]
    public List<string>? ServerInterceptors { get; set; }

    [JsonPropertyName("clientInterceptors")]
    [Description("Names of api.interceptors the generated clients run around this method, after its service's, in order (Goa ClientInterceptor).")]
    public List<string>? ClientInterceptors { get; set; }

    [JsonPropertyName("http")]
    public DesignMethodHttp? Http { get; set; }

    [JsonPropertyName("grpc")]
    public DesignGrpc? Grpc { get; set; }

    /// <summary>The security that applies: the method's own, else its service's, else the API's default, else none (an empty list).</summary>
    public IReadOnlyList<DesignSecurityRequirement> SecurityOf(DesignService service, DesignApi? api) => Security ?? service.Security ?? api?.DefaultSecurity ?? [];

    /// <summary>The server interceptors that run around the method, outermost first: its service's, then its own (Goa's order).</summary>
    public IReadOnlyList<string> ServerInterceptorsOf(DesignService service) => [.. service.ServerInterceptors ?? [], .. ServerInterceptors ?? []];

    /// <summary>The client interceptors that run around the method, outermost first: its service's, then its own.</summary>
    public IReadOnlyList<string> ClientInterceptorsOf(DesignService service) => [.. service.ClientInterceptors ?? [], .. ClientInterceptors ?? []];

    /// <summary>The method's type references with the role each plays, in role order.</summary>
    public IEnumerable<RoleTypeReference> TypeReferences()
    {
        if (Payload is { } payload)
        {
            yield return new RoleTypeReference(TypeRole.Payload, payload);
        }

        if (StreamingPayload is { } streamingPayload)
        {
            yield return new RoleTypeReference(TypeRole.StreamingPayload, streamingPayload);
        }

        if (Result is { } result)
        {
            yield return new RoleTypeReference(TypeRole.Result, result);
        }

        if (StreamingResult is { } streamingResult)
        {
            yield return new RoleTypeReference(TypeRole.StreamingResult, streamingResult);
        }
    }

    /// <summary>The type reference of <paramref name="role"/>, or null when the method has none.</summary>
    public DesignTypeRef? TypeReference(TypeRole role) => role switch
    {
        TypeRole.Payload => Payload,
        TypeRole.StreamingPayload => StreamingPayload,
        TypeRole.Result => Result,
        _ => StreamingResult,
    };

    /// <summary>
    /// Whether the method is served over gRPC: <c>grpc</c> on the method, or <c>grpc.enabled</c> on its service,
    /// and not opted out with <c>enabled: false</c>.
    /// </summary>
    public bool IsServedOverGrpc(DesignService service) =>
        Grpc?.Enabled ?? (Grpc is not null || service.Grpc?.Enabled == true);
}
