namespace StreamGen.Model.Documents;

/// <summary>
/// A document file: where gen/ holds it, the assembly resource the project embeds it as (gen/StreamGen.props), and the
/// HTTP route and content type the generated host serves it with.
/// </summary>
public sealed record DocumentFileModel
{
    public required DocumentKind Kind { get; init; }

    /// <summary>The path under gen/ (<c>openapi.json</c>).</summary>
    public required string FileName { get; init; }

    /// <summary>The manifest resource name (<c>Acme.Logger.openapi.json</c>): unique per API namespace.</summary>
    public required string ResourceName { get; init; }

    public required string ResourceNameLiteral { get; init; }

    /// <summary>The route the host serves it at (<c>/openapi.json</c>).</summary>
    public required string Route { get; init; }

    public required string RouteLiteral { get; init; }

    public required string ContentType { get; init; }

    public required string ContentTypeLiteral { get; init; }
}
