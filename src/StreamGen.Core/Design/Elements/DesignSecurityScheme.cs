using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace StreamGen.Design;

/// <summary>
/// A security scheme (Goa's <c>JWTSecurity</c>, <c>APIKeySecurity</c>, <c>BasicAuthSecurity</c>, <c>OAuth2Security</c>),
/// declared once under <c>api.security</c> and required by name from services and methods. Its name is the ASP.NET Core
/// authentication scheme the generated code authorizes against.
/// </summary>
public sealed class DesignSecurityScheme : DesignElement
{
    /// <summary>The values <see cref="Kind"/> accepts.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["jwt", "apiKey", "basic", "oauth2"];

    /// <summary>The values <see cref="In"/> accepts.</summary>
    public static IReadOnlyList<string> Locations { get; } = ["header", "query"];

    [Required]
    [JsonPropertyName("kind")]
    [Description("jwt (a bearer JWT in Authorization), apiKey (a key in a header or query parameter), basic (HTTP Basic) or oauth2 (a bearer access token).")]
    [AllowedValues("jwt", "apiKey", "basic", "oauth2")]
    public string? Kind { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("scopes")]
    [Description("Scope name to description (Goa Scope); methods may require them. A principal's scopes are its 'scope' (space-separated) and 'scp' claims.")]
    public OrderedDictionary<string, string>? Scopes { get; set; }

    [JsonPropertyName("in")]
    [Description("apiKey: where the key travels, header (default) or query.")]
    [AllowedValues("header", "query")]
    public string? In { get; set; }

    [JsonPropertyName("name")]
    [Description("apiKey: the header or query parameter name (default X-API-Key, or api_key in the query).")]
    public string? KeyName { get; set; }

    [JsonPropertyName("query")]
    [Description("Opt-in for browsers, which cannot set headers on a WebSocket: the credential (jwt/oauth2 token, or API key kept in a header) is also accepted from this query parameter.")]
    public string? Query { get; set; }

    [JsonPropertyName("webSocketProtocol")]
    [Description("jwt/oauth2 opt-in for browsers: the token is also accepted as a Sec-WebSocket-Protocol entry 'bearer.<token>' (the server answers with the protocol 'bearer').")]
    public bool? WebSocketProtocol { get; set; }

    [JsonPropertyName("realm")]
    [Description("basic: the realm named in WWW-Authenticate.")]
    public string? Realm { get; set; }

    [JsonPropertyName("flows")]
    [Description("oauth2: the flows (Goa AuthorizationCodeFlow, ImplicitFlow, PasswordFlow, ClientCredentialsFlow); at least one.")]
    public DesignOAuth2Flows? Flows { get; set; }
}
