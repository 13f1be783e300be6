namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;

/// <summary>An <see cref="InterceptedServerStream{TIn, TOut, TResult}"/> whose streamed result has views: SetView goes to the transport's stream.</summary>
public class InterceptedViewedServerStream<TIn, TOut, TResult, TView>(
    object stream,
    Func<InterceptedValue<TIn>, IReadOnlyList<InterceptorStep>>? receiving,
    Func<InterceptedValue<TOut>, IReadOnlyList<InterceptorStep>>? sending)
    : InterceptedServerStream<TIn, TOut, TResult>(stream, receiving, sending), IViewedStreamSender<TOut, TView>
    where TView : struct, Enum
{
    /// <inheritdoc/>
    public void SetView(TView view) => ((IViewedStreamSender<TOut, TView>)Stream).SetView(view);
}
