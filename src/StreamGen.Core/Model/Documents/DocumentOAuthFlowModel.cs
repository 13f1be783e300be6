namespace StreamGen.Model.Documents;

/// <summary>One OAuth2 flow of a scheme (authorizationCode, implicit, password, clientCredentials) with its URLs.</summary>
public sealed record DocumentOAuthFlowModel(string Kind, string? AuthorizationUrl, string? TokenUrl, string? RefreshUrl);
