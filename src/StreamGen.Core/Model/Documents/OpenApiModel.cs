namespace StreamGen.Model.Documents;

/// <summary>The OpenAPI 3.1 document: the HTTP server, a tag per service, every HTTP route and the schemas they use.</summary>
public sealed record OpenApiModel
{
    /// <summary>The HTTP port's URL from the design's defaults (<c>http://localhost:8080</c>).</summary>
    public required string ServerUrl { get; init; }

    public required string ServerDescription { get; init; }

    public required IReadOnlyList<DocumentTagModel> Tags { get; init; }

    /// <summary>Routes in ordinal order of their paths.</summary>
    public required IReadOnlyList<OpenApiPathModel> Paths { get; init; }

    /// <summary>The component schemas the operations use, in ordinal order of their names.</summary>
    public required IReadOnlyList<SchemaComponentModel> Schemas { get; init; }

    /// <summary>The design's security schemes that some operation here requires (none when no operation is secured).</summary>
    public IReadOnlyList<DocumentSecuritySchemeModel> SecuritySchemes { get; init; } = [];
}
