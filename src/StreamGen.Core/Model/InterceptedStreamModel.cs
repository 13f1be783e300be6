namespace StreamGen.Model;

/// <summary>
/// The stream of a decorated method wrapped for its per-message chains: its class (a runtime
/// <c>Intercepted…Stream</c> bound to the method's types and stream interface), the stream it wraps (<see cref="Source"/>),
/// and the chains run on each streamed payload and each streamed result (null: none runs on that direction).
/// </summary>
public sealed record InterceptedStreamModel
{
    public required StreamClassModel Class { get; init; }

    /// <summary>The stream interface the class implements (<c>IWatchServerStream</c>).</summary>
    public required string Interface { get; init; }

    /// <summary>The stream it wraps: the server stream parameter, or the client stream the inner call returned.</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<InterceptorStepModel>? PayloadSteps { get; init; }

    public required IReadOnlyList<InterceptorStepModel>? ResultSteps { get; init; }
}
