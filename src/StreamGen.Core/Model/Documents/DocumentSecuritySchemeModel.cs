namespace StreamGen.Model.Documents;

/// <summary>
/// A security scheme as both documents describe it: an API key in a header or the query, HTTP bearer (a JWT) or Basic,
/// or OAuth2 with its flows and scopes (OpenAPI's <c>components.securitySchemes</c>, AsyncAPI's likewise).
/// </summary>
public sealed record DocumentSecuritySchemeModel
{
    public required string Name { get; init; }

    /// <summary>The design's kind: jwt, apiKey, basic or oauth2.</summary>
    public required string Kind { get; init; }

    public required string? Description { get; init; }

    /// <summary>For apiKey: header or query, and the header or parameter name.</summary>
    public required string? In { get; init; }

    public required string? ParameterName { get; init; }

    public required IReadOnlyList<DocumentOAuthFlowModel> Flows { get; init; }

    public required IReadOnlyList<DocumentScopeModel> Scopes { get; init; }
}
