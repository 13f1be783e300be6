namespace StreamGen.Model.Documents;

/// <summary>An OAuth2 scope a scheme declares, and what it grants.</summary>
public sealed record DocumentScopeModel(string Name, string Description);
