using StreamGen.Generation.Documents;
using StreamGen.Model;
using StreamGen.Model.Documents;

namespace StreamGen.Generation.Planners;

/// <summary>
/// The API's documents in gen/: <c>openapi.json</c> (OpenAPI 3.1) and, when some route streams over a WebSocket,
/// <c>asyncapi.yaml</c> (AsyncAPI 3.0). They are not rendered from templates: the OpenAPI library builds and writes them
/// from the model's documents, so they are valid by construction rather than by a template's care.
/// </summary>
internal static class DocumentPlanner
{
    public static IEnumerable<RenderedFile> Plan(ApiModel api)
    {
        if (api.Documents is not { } documents)
        {
            yield break;
        }

        foreach (var file in documents.Files)
        {
            var content = file.Kind == DocumentKind.OpenApi ? OpenApiDocumentWriter.Write(documents) : AsyncApiDocumentWriter.Write(documents);
            yield return new RenderedFile($"gen/{file.FileName}", content, Ownership.Generated);
        }
    }
}
