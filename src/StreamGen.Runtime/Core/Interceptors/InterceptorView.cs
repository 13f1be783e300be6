namespace StreamGen.Runtime;

/// <summary>
/// An interceptor's typed view of one part of a call (its payload, its result, one streamed message), present once the
/// part is known: <see cref="Current"/> is null before a result or a received message exists, and at the end of a stream.
/// </summary>
public readonly struct InterceptorView<TView>(IInterceptedPart part, TView view)
    where TView : class
{
    /// <summary>The view, or null while the part is not known (and for a part the call does not carry).</summary>
    public TView? Current => part?.HasValue == true ? view : null;
}
