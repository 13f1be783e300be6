namespace StreamGen.Runtime;

/// <summary>
/// Where a security scheme's credential travels, as a client sends it: <paramref name="HeaderName"/> for an API key in a
/// header (<c>X-API-Key</c>), <paramref name="QueryName"/> for one in the query string; bearer and Basic credentials travel
/// in <c>Authorization</c> (over gRPC, the <c>authorization</c> metadata key).
/// </summary>
public sealed record CredentialScheme(string Name, SecuritySchemeKind Kind, string? HeaderName = null, string? QueryName = null)
{
    /// <summary>A bearer token scheme (jwt or oauth2).</summary>
    public bool IsBearer => Kind is SecuritySchemeKind.Jwt or SecuritySchemeKind.OAuth2;
}
