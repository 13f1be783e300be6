namespace StreamGen.Model.Documents;

/// <summary>One alternative of an operation's security: every scheme listed, each with the scopes it must grant (OpenAPI's Security Requirement Object).</summary>
public sealed record DocumentSecurityRequirementModel(IReadOnlyList<DocumentSchemeScopesModel> Schemes);
