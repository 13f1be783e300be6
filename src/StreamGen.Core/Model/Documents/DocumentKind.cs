namespace StreamGen.Model.Documents;

/// <summary>Which document a file holds.</summary>
public enum DocumentKind
{
    /// <summary>OpenAPI 3.1, JSON: every HTTP route.</summary>
    OpenApi,

    /// <summary>AsyncAPI 3.0, YAML: the WebSocket streams.</summary>
    AsyncApi,
}
