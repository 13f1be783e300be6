namespace StreamGen.Runtime;

/// <summary>What an interceptor is wrapping (Goa's <c>InterceptorCallType</c>).</summary>
public enum InterceptorCallType
{
    /// <summary>The whole call: before <c>next</c> the payload is known, after it the result (Goa's <c>InterceptorUnary</c>).</summary>
    Unary,

    /// <summary>One streamed message on its way out: known before <c>next</c>, which sends it.</summary>
    StreamingSend,

    /// <summary>One streamed message on its way in: known after <c>next</c>, which receives it (or reports the end of the stream).</summary>
    StreamingRecv,
}
