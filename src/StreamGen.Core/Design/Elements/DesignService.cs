using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>A service (Goa Service): its methods and the errors they share.</summary>
public sealed class DesignService : DesignElement
{
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("errors")]
    [Description("Errors every method of the service may return (Goa Error).")]
    public OrderedDictionary<string, DesignError>? Errors { get; set; }

    [JsonPropertyName("security")]
    [Description("Alternatives (Goa Security calls), any one of which admits a request to every method of the service; a method's own 'security' replaces it.")]
    public List<DesignSecurityRequirement>? Security { get; set; }

    [JsonPropertyName("serverInterceptors")]
    [Description("Names of api.interceptors the server runs around every method of the service, before the methods' own, in order (Goa ServerInterceptor).")]
    public List<string>? ServerInterceptors { get; set; }

    [JsonPropertyName("clientInterceptors")]
    [Description("Names of api.interceptors the generated clients run around every method of the service, before the methods' own, in order (Goa ClientInterceptor).")]
    public List<string>? ClientInterceptors { get; set; }

    [JsonPropertyName("http")]
    public DesignServiceHttp? Http { get; set; }

    [JsonPropertyName("grpc")]
    public DesignGrpc? Grpc { get; set; }

    [Required]
    [JsonPropertyName("methods")]
    public OrderedDictionary<string, DesignMethod>? Methods { get; set; }

    /// <summary>
    /// The service's errors, then each method's not declared before, in declaration order: each name once, with its first
    /// declaration (a method may repeat an error of the service or of another method). An iterator, so callers need no
    /// LINQ over the maps' KeyValuePairs (generic code over a struct that ReadyToRun cannot precompile).
    /// </summary>
    public IEnumerable<KeyValuePair<string, DesignError>> DeclaredErrors()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in Errors ?? [])
        {
            if (seen.Add(error.Key))
            {
                yield return error;
            }
        }

        foreach (var method in Methods.ValuesOrEmpty())
        {
            foreach (var error in method.Errors ?? [])
            {
                if (seen.Add(error.Key))
                {
                    yield return error;
                }
            }
        }
    }
}

public sealed class DesignServiceHttp : DesignElement
{
    [JsonPropertyName("path")]
    [Description("Base path prefixed to every route of the service.")]
    public string? Path { get; set; }

    [JsonPropertyName("errors")]
    [Description("Error name to HTTP status, for every method of the service.")]
    public OrderedDictionary<string, int>? Errors { get; set; }
}

/// <summary>An error (Goa Error): its name is the key; the flags travel in the error body.</summary>
public sealed class DesignError : DesignElement
{
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("temporary")]
    public bool? Temporary { get; set; }

    [JsonPropertyName("timeout")]
    public bool? Timeout { get; set; }

    [JsonPropertyName("fault")]
    public bool? Fault { get; set; }
}

/// <summary>gRPC settings of a service or a method. Present on a method (even <c>grpc: {}</c>), it serves the method over gRPC.</summary>
public sealed class DesignGrpc : DesignElement
{
    [JsonPropertyName("enabled")]
    [Description("On a service: serve every method over gRPC. On a method: false opts it out.")]
    public bool? Enabled { get; set; }

    [JsonPropertyName("errors")]
    [Description("Error name to gRPC status code name, e.g. not_found: NOT_FOUND.")]
    public OrderedDictionary<string, string>? Errors { get; set; }
}
