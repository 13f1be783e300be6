namespace StreamGen.Model.Documents;

/// <summary>
/// The AsyncAPI 3.0 document of the WebSocket streams, written from a client's side as AsyncAPI's WebSocket examples
/// are: the client receives what the server streams and sends what it streams itself.
/// </summary>
public sealed record AsyncApiModel
{
    /// <summary>The key of the one server, the HTTP port speaking WebSockets.</summary>
    public required string ServerKey { get; init; }

    /// <summary><c>localhost:8080</c>: the HTTP port from the design's defaults.</summary>
    public required string Host { get; init; }

    /// <summary><c>ws</c>.</summary>
    public required string Protocol { get; init; }

    public required string ServerDescription { get; init; }

    /// <summary>The content type of every message: each is one JSON value in a text frame.</summary>
    public required string DefaultContentType { get; init; }

    /// <summary>A channel per streaming route, in ordinal order of their keys.</summary>
    public required IReadOnlyList<AsyncApiChannelModel> Channels { get; init; }

    /// <summary>In ordinal order of their keys.</summary>
    public required IReadOnlyList<AsyncApiOperationModel> Operations { get; init; }

    /// <summary>The component messages the channels list, in ordinal order of their keys.</summary>
    public required IReadOnlyList<AsyncApiMessageModel> Messages { get; init; }

    /// <summary>The close codes of the wire protocol: every channel's stream ends with one of them.</summary>
    public required IReadOnlyList<CloseCodeModel> CloseCodes { get; init; }

    /// <summary>The component schemas the messages and bindings use, in ordinal order of their names.</summary>
    public required IReadOnlyList<SchemaComponentModel> Schemas { get; init; }

    /// <summary>The security schemes some stream requires.</summary>
    public IReadOnlyList<DocumentSecuritySchemeModel> SecuritySchemes { get; init; } = [];
}
