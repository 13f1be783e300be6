namespace StreamGen.Model.Documents;

/// <summary>A scheme of a security alternative and the scopes it must grant (empty when it has none).</summary>
public sealed record DocumentSchemeScopesModel(string Scheme, IReadOnlyList<string> Scopes);
