namespace StreamGen.Model;

/// <summary>
/// The API's security (Goa's security DSL, enforced through ASP.NET Core): its schemes, the authorization policies its
/// services and methods use, and what the host adds ahead of the endpoints.
/// </summary>
public sealed record SecurityModel
{
    /// <summary><c>LoggerSecurity</c>: the schemes as <c>Runtime::CredentialScheme</c>s, <c>AddLoggerAuthorization</c> and <c>AddLoggerAuthentication</c>.</summary>
    public required string ClassName { get; init; }

    public required string AddAuthorizationName { get; init; }

    public required string AddAuthenticationName { get; init; }

    public required IReadOnlyList<SecuritySchemeModel> Schemes { get; init; }

    public required IReadOnlyList<SecurityPolicyModel> Policies { get; init; }

    /// <summary>False while schemes are declared but no method requires one: no policy to add.</summary>
    public bool HasPolicies => Policies.Count > 0;

    /// <summary>C# array literal of the query parameters bearer schemes accept a token from (<c>["access_token"]</c>).</summary>
    public required string BearerQueryNamesLiteral { get; init; }

    /// <summary>A bearer scheme accepts its token as a <c>Sec-WebSocket-Protocol</c> entry.</summary>
    public required bool BearerWebSocketProtocol { get; init; }

    /// <summary>The schemes whose authentication handler the user writes (apiKey, basic), in a stub created once.</summary>
    public IEnumerable<SecuritySchemeModel> HandlerSchemes => Schemes.Where(s => s.HandlerName is not null);

    public bool HasHandlers => HandlerSchemes.Any();
}
