namespace StreamGen.Model;

/// <summary>
/// One interceptor in a chain of a decorated method: the interceptor interface's method it calls
/// (<c>TraceAsync</c>), the info it passes (<c>TraceInfo</c>: service, method, call type) and the typed views of the
/// values the interceptor reads and writes (<see cref="Views"/>).
/// </summary>
public sealed record InterceptorStepModel
{
    public required string MethodName { get; init; }

    public required string InfoName { get; init; }

    /// <summary>The design's method name as a C# literal (<c>"watch"</c>).</summary>
    public required string MethodDesignNameLiteral { get; init; }

    /// <summary>The member of <c>Runtime::InterceptorCallType</c>: <c>Unary</c> (the call), <c>StreamingSend</c> or <c>StreamingRecv</c> (a message).</summary>
    public required string CallType { get; init; }

    public required IReadOnlyList<InterceptorStepViewModel> Views { get; init; }
}
