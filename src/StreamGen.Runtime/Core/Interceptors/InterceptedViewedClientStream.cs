namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;

/// <summary>An <see cref="InterceptedClientStream{TOut, TIn, TResult}"/> whose streamed result has views: View is the transport stream's.</summary>
public class InterceptedViewedClientStream<TOut, TIn, TResult, TView>(
    object stream,
    Func<InterceptedValue<TOut>, IReadOnlyList<InterceptorStep>>? sending,
    Func<InterceptedValue<TIn>, IReadOnlyList<InterceptorStep>>? receiving)
    : InterceptedClientStream<TOut, TIn, TResult>(stream, sending, receiving), IViewedStreamReceiver<TIn, TView>
    where TIn : class
    where TView : struct, Enum
{
    /// <inheritdoc/>
    public TView View => ((IViewedStreamReceiver<TIn, TView>)Stream).View;
}
