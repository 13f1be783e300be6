using System.ComponentModel;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>One OAuth2 flow: the URLs it uses (which ones a flow needs follows OpenAPI).</summary>
public sealed class DesignOAuth2Flow : DesignElement
{
    [JsonPropertyName("authorizationUrl")]
    [Description("authorizationCode and implicit: the authorization endpoint.")]
    public string? AuthorizationUrl { get; set; }

    [JsonPropertyName("tokenUrl")]
    [Description("authorizationCode, password and clientCredentials: the token endpoint.")]
    public string? TokenUrl { get; set; }

    [JsonPropertyName("refreshUrl")]
    public string? RefreshUrl { get; set; }
}
