namespace StreamGen.Model;

/// <summary>
/// One method of an interception decorator: a plain forward when no interceptor runs on it, else the intercepted
/// payload and return value, the call's chain, the stream wrapped for per-message chains, and the call at the end.
/// </summary>
public sealed record InterceptedMethodModel
{
    public required string AsyncName { get; init; }

    /// <summary>The method's declared return type (<c>Task&lt;RecentResult&gt;</c>, <c>Task</c>).</summary>
    public required string ReturnTypeName { get; init; }

    public required IReadOnlyList<CSharpParameterModel> Parameters { get; init; }

    public required bool IsIntercepted { get; init; }

    /// <summary>The inner call's arguments when nothing is intercepted: the method's own parameters.</summary>
    public required IReadOnlyList<string> ForwardArguments { get; init; }

    /// <summary>The inner call's arguments at the end of the chain (the intercepted payload, the wrapped stream, the chain's token).</summary>
    public required IReadOnlyList<string> InnerArguments { get; init; }

    public required string? PayloadType { get; init; }

    public bool HasPayload => PayloadType is not null;

    /// <summary>The type of what the inner call returns (a result, a client stream, a response body), when it returns something.</summary>
    public required string? ReturnType { get; init; }

    public bool ReturnsValue => ReturnType is not null;

    public required IReadOnlyList<InterceptorStepModel> CallSteps { get; init; }

    /// <summary>The stream wrapped for its per-message chains, or null when none runs on its messages.</summary>
    public required InterceptedStreamModel? Stream { get; init; }

    public required bool IsServer { get; init; }

    /// <summary>A server stream is wrapped before the call and handed to the inner service.</summary>
    public bool WrapsServerStream => IsServer && Stream is not null;

    /// <summary>A client stream is wrapped after the inner call returned it, and returned instead of it.</summary>
    public bool ReturnsWrappedStream => !IsServer && Stream is not null;
}
