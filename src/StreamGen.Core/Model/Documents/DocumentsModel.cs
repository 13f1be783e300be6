namespace StreamGen.Model.Documents;

/// <summary>
/// The API's documents: an OpenAPI 3.1 description of every HTTP route and an AsyncAPI 3.0 description of the WebSocket
/// streams, with the files they are written to and the routes the generated host serves them at. Everything the
/// documents say is decided here; the generation stage only renders it with the OpenAPI library.
/// </summary>
public sealed record DocumentsModel
{
    /// <summary>The API's title (<c>api.title</c>, else its name).</summary>
    public required string Title { get; init; }

    public required string Version { get; init; }

    /// <summary>The API's description as written (Markdown in both documents), or null.</summary>
    public required string? Description { get; init; }

    /// <summary>The comment a YAML document starts with (JSON has none): the generator, the design, and that it is regenerated.</summary>
    public required string Header { get; init; }

    public required OpenApiModel OpenApi { get; init; }

    /// <summary>Null when no HTTP route streams: there is then no WebSocket to describe.</summary>
    public required AsyncApiModel? AsyncApi { get; init; }

    /// <summary>The documents as files under gen/, each embedded in the assembly and served by the host.</summary>
    public required IReadOnlyList<DocumentFileModel> Files { get; init; }
}
