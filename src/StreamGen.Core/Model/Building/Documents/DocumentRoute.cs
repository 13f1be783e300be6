using StreamGen.Design;
using StreamGen.Design.Types;

namespace StreamGen.Model.Building.Documents;

/// <summary>
/// A method served over HTTP, as both documents see it: its route and the keys decided for it (the OpenAPI operation id,
/// and for a stream its AsyncAPI channel and operations).
/// </summary>
internal sealed record DocumentRoute(DesignService Service, DesignMethod Method, DesignMethodHttp Http, HttpVerb Verb, RoutePattern Route, string OperationId)
{
    /// <summary>
    /// The route as the documents write it: its path parameters named as in the design, except a name outside
    /// <c>[A-Za-z0-9._-]</c>, which gets its ASCII key (<c>{größe}</c> → <c>{grosse}</c>). A path parameter's name is
    /// not on the wire, and OpenAPI tools (Redocly's path-parameters-defined rule) match template names in ASCII only.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>Per path parameter (its payload attribute), its name in <see cref="Path"/>.</summary>
    public required IReadOnlyDictionary<string, string> PathNames { get; init; }

    /// <summary>The AsyncAPI channel of a streaming method served over a WebSocket on its route (all but <c>jsonLines</c> ones); null for others.</summary>
    public string? Channel { get; init; }

    /// <summary>The AsyncAPI operation of the client's stream (streamingPayload), if any.</summary>
    public string? SendOperation { get; init; }

    /// <summary>The AsyncAPI operation of the server's stream (streamingResult), if any.</summary>
    public string? ReceiveOperation { get; init; }

    /// <summary>Per the format: a server stream with serverSentEvents also streams as SSE, and as NDJSON by Accept.</summary>
    public bool IsServerSentEvents => Http.ServerSentEvents is not null;

    /// <summary>A server stream that answers JSON Lines alone (<c>jsonLines: true</c>): no WebSocket, no channel.</summary>
    public bool IsJsonLines => Http.JsonLines == true;

    /// <summary>A client stream sent as a JSON Lines request body (<c>jsonLines: true</c> with a streamingPayload): its answer is a plain response.</summary>
    public bool IsJsonLinesRequest => IsJsonLines && Method.StreamingPayload is not null;

    public bool IsStreaming => Channel is not null || IsJsonLines;
}
