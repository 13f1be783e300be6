namespace StreamGen.Model.TypeScript;

/// <summary>
/// How one client method runs its interceptors: the steps around the call (in declared order, each a JavaScript arrow
/// <c>next => interceptors.requestId({ ... }, next)</c>) and, for streams, the steps around each message sent and received.
/// </summary>
public sealed record TypeScriptInterceptionModel
{
    public required IReadOnlyList<string> CallSteps { get; init; }

    /// <summary>Steps around each message sent, given <c>message</c>; empty when no interceptor reads or writes streamed payloads.</summary>
    public required IReadOnlyList<string> SendSteps { get; init; }

    /// <summary>Steps around each message received, given <c>received</c> (a function returning it once <c>next</c> got it).</summary>
    public required IReadOnlyList<string> RecvSteps { get; init; }

    public bool HasSendSteps => SendSteps.Count > 0;

    public bool HasRecvSteps => RecvSteps.Count > 0;

    /// <summary>The stream is wrapped for its per-message steps.</summary>
    public bool WrapsStream => SendSteps.Count > 0 || RecvSteps.Count > 0;
}
