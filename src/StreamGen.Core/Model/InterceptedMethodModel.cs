namespace StreamGen.Model;

/// <summary>
/// One method of an interception decorator: a plain forward when no interceptor runs on it, else the intercepted
/// payload and return value, the call's chain, the stream wrapped for per-message chains, and the call at the end.
/// </summary>
public sealed record InterceptedMethodModel
{
    /// <summary><c>Task&lt;RecentResult&gt; RecentAsync(RecentPayload payload, CancellationToken cancellationToken)</c>.</summary>
    public required string Signature { get; init; }

    public required bool IsIntercepted { get; init; }

    /// <summary>The inner call with the method's own arguments (the forward, when nothing is intercepted).</summary>
    public required string Forward { get; init; }

    public required string? PayloadType { get; init; }

    public bool HasPayload => PayloadType is not null;

    /// <summary>The type of what the inner call returns (a result, a client stream, a response body), when it returns something.</summary>
    public required string? ReturnType { get; init; }

    public bool ReturnsValue => ReturnType is not null;

    /// <summary>What the decorator returns (the value, or the client stream wrapped for its per-message chains).</summary>
    public required string? ReturnExpression { get; init; }

    /// <summary>The server stream wrapped for its per-message chains (<c>new WatchStream(stream, ..., ...)</c>), or null.</summary>
    public required string? ServerStreamExpression { get; init; }

    public bool WrapsServerStream => ServerStreamExpression is not null;

    public required IReadOnlyList<string> CallSteps { get; init; }

    /// <summary>The inner call at the end of the chain (<c>async token => interceptedResult.Value = await service.RecentAsync(...)</c>).</summary>
    public required string Terminal { get; init; }
}
