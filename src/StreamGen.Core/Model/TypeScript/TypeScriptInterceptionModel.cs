namespace StreamGen.Model.TypeScript;

/// <summary>
/// How one client method runs its interceptors: the steps around the call (in declared order, each rendered as a
/// JavaScript arrow <c>next => interceptors.requestId({ ... }, next)</c>) and, for streams, the steps around each
/// message sent and received.
/// </summary>
public sealed record TypeScriptInterceptionModel
{
    public required IReadOnlyList<TypeScriptInterceptorStepModel> CallSteps { get; init; }

    /// <summary>Steps around each message sent, given <c>message</c>; empty when no interceptor reads or writes streamed payloads.</summary>
    public required IReadOnlyList<TypeScriptInterceptorStepModel> SendSteps { get; init; }

    /// <summary>Steps around each message received, given <c>received</c> (a function returning it once <c>next</c> got it).</summary>
    public required IReadOnlyList<TypeScriptInterceptorStepModel> RecvSteps { get; init; }

    public bool HasSendSteps => SendSteps.Count > 0;

    public bool HasRecvSteps => RecvSteps.Count > 0;

    /// <summary>The stream is wrapped for its per-message steps.</summary>
    public bool WrapsStream => SendSteps.Count > 0 || RecvSteps.Count > 0;
}

/// <summary>
/// One interceptor's step: the interceptor it calls and the info it passes, whose members are the ones the interceptor
/// reads or writes (Goa's ClientInterceptor info): the call's payload (<c>intercepted</c>, a copy) and result (a getter,
/// set once <c>next</c> returned), a sent message (<c>message</c>) or a received one (a getter over <c>received()</c>).
/// </summary>
public sealed record TypeScriptInterceptorStepModel
{
    /// <summary>The interceptor's member access on the interceptors object: <c>.requestId</c>, or <c>["x-y"]</c> for a name that is no identifier.</summary>
    public required string Access { get; init; }

    /// <summary>The design's service and method names, as TypeScript string literals.</summary>
    public required string ServiceLiteral { get; init; }

    public required string MethodLiteral { get; init; }

    /// <summary><c>unary</c> (around the call, whatever its shape), <c>streamingSend</c> or <c>streamingRecv</c>.</summary>
    public required string CallType { get; init; }

    public bool PassesPayload { get; init; }

    public bool PassesResult { get; init; }

    public bool PassesStreamingPayload { get; init; }

    public bool PassesStreamingResult { get; init; }
}
