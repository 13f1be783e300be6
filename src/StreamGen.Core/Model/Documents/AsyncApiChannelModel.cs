namespace StreamGen.Model.Documents;

/// <summary>
/// A streaming route as a channel: its address with path parameters, the upgrade request's query and headers (the
/// <c>ws</c> binding), and the messages that travel on it.
/// </summary>
public sealed record AsyncApiChannelModel
{
    /// <summary><c>logger.subscribe</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The route: <c>/logs/{topic}/stream</c>.</summary>
    public required string Address { get; init; }

    public required string Title { get; init; }

    public required string? Summary { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<AsyncApiParameterModel> Parameters { get; init; }

    /// <summary>The verb of the upgrade request.</summary>
    public required string Method { get; init; }

    /// <summary>The query parameters of the upgrade, as an object schema; null when there are none.</summary>
    public required SchemaModel? Query { get; init; }

    /// <summary>The headers of the upgrade, as an object schema; null when there are none.</summary>
    public required SchemaModel? Headers { get; init; }

    /// <summary>The keys of the component messages that travel on the channel, which its operations list.</summary>
    public required IReadOnlyList<string> Messages { get; init; }
}
