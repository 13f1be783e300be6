namespace StreamGen.Model.Documents;

/// <summary>A service as an OpenAPI tag: its design name and description.</summary>
public sealed record DocumentTagModel(string Name, string Description);
