namespace StreamGen.Runtime;

/// <summary>The kinds of security scheme a design declares (Goa's JWTSecurity, APIKeySecurity, BasicAuthSecurity, OAuth2Security).</summary>
public enum SecuritySchemeKind
{
    /// <summary>A JWT sent as a bearer token (<c>Authorization: Bearer</c>).</summary>
    Jwt,

    /// <summary>An API key in a header or a query parameter.</summary>
    ApiKey,

    /// <summary>HTTP Basic (<c>Authorization: Basic</c>, RFC 7617).</summary>
    Basic,

    /// <summary>An OAuth2 access token sent as a bearer token.</summary>
    OAuth2,
}
