using StreamGen.Design;

namespace StreamGen.Model.Documents;

/// <summary>A method's HTTP route as an OpenAPI operation.</summary>
public sealed record OpenApiOperationModel
{
    public required HttpVerb Verb { get; init; }

    /// <summary><c>logger.subscribe</c>: unique, URL-safe.</summary>
    public required string OperationId { get; init; }

    /// <summary>The service's tag.</summary>
    public required string Tag { get; init; }

    /// <summary>Goa's summary: <c>subscribe logger</c>.</summary>
    public required string Summary { get; init; }

    public required string Description { get; init; }

    /// <summary>Path, then query, then header parameters, each in design order.</summary>
    public required IReadOnlyList<OpenApiParameterModel> Parameters { get; init; }

    public required OpenApiRequestBodyModel? RequestBody { get; init; }

    /// <summary>In ordinal order of their status codes.</summary>
    public required IReadOnlyList<OpenApiResponseModel> Responses { get; init; }

    /// <summary>For a route that streams over a WebSocket: the AsyncAPI channel and operations that describe the stream.</summary>
    public required AsyncApiLinkModel? AsyncApi { get; init; }

    /// <summary>The alternatives that admit a request (empty: open).</summary>
    public IReadOnlyList<DocumentSecurityRequirementModel> Security { get; init; } = [];
}
