using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

public sealed class DesignApi : DesignElement
{
    [Required]
    [JsonPropertyName("name")]
    [Description("API name; the C# root namespace defaults to its PascalCase form.")]
    public string? ApiName { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("namespace")]
    [Description("C# namespace of the generated code (overrides the one derived from name).")]
    public string? Namespace { get; set; }

    [JsonPropertyName("http")]
    [Description("Defaults of the generated HTTP host.")]
    public DesignEndpoint? Http { get; set; }

    [JsonPropertyName("grpc")]
    [Description("Defaults of the generated gRPC host.")]
    public DesignEndpoint? Grpc { get; set; }

    /// <summary>The values <see cref="Runtime"/> accepts.</summary>
    public static IReadOnlyList<string> RuntimeValues { get; } = ["source", "package"];

    [JsonPropertyName("runtime")]
    [Description("How the generated project gets the StreamGen runtime: source (default) writes it into gen/Runtime; package references the StreamGen.Runtime NuGet package of the tool's version. gen --runtime overrides it.")]
    [AllowedValues("source", "package")]
    public string? Runtime { get; set; }

    [JsonPropertyName("security")]
    [Description("Security schemes by name (Goa JWTSecurity, APIKeySecurity, BasicAuthSecurity, OAuth2Security); services and methods require them with their own 'security'.")]
    public OrderedDictionary<string, DesignSecurityScheme>? Security { get; set; }

    [JsonPropertyName("defaultSecurity")]
    [Description("Alternatives (Goa Security at API level) that admit a request to every method of every service, unless the service or method has its own 'security' (an empty list leaves it open).")]
    public List<DesignSecurityRequirement>? DefaultSecurity { get; set; }

    [JsonPropertyName("interceptors")]
    [Description("Interceptors by name (Goa Interceptor): what each reads and writes of payload, result and streamed messages; services and methods list them in serverInterceptors and clientInterceptors.")]
    public OrderedDictionary<string, DesignInterceptor>? Interceptors { get; set; }
}

public sealed class DesignEndpoint : DesignElement
{
    [JsonPropertyName("port")]
    [Description("Default listen port (1..65535); override with --Http:Port / --Grpc:Port.")]
    public int? Port { get; set; }

    [JsonPropertyName("host")]
    [Description("Default listen address: localhost (default) or an IP address such as 0.0.0.0.")]
    public string? Host { get; set; }
}
