namespace StreamGen.Runtime;

using global::System;
using global::Grpc.Core;

/// <summary>
/// A <see cref="GrpcBidirectionalStream{TPayload, TRequest, TResult, TResponse}"/> of a result type with views: each result
/// is sent in the view the handler chose (Goa's SetView; the goa-view response header names it) or the one the method fixes.
/// </summary>
public abstract class GrpcViewedBidirectionalStream<TPayload, TRequest, TResult, TResponse, TView>
    : GrpcBidirectionalStream<TPayload, TRequest, TResult, TResponse>, IViewedStreamSender<TResult, TView>
    where TResult : IViewedResult<TResult, TView>
    where TView : struct, Enum
{
    private ResultView<TResult, TView> _view;

    /// <summary>A stream whose handler chooses the view.</summary>
    protected GrpcViewedBidirectionalStream(
        IAsyncStreamReader<TRequest> requests, IServerStreamWriter<TResponse> responses, ServerCallContext context, Func<TRequest, TPayload> fromProto, Func<TResult, TResponse> toProto)
        : base(requests, responses, context, fromProto, toProto)
    {
    }

    /// <summary>A stream always sent in <paramref name="view"/> (<c>view:</c> in the method's design).</summary>
    protected GrpcViewedBidirectionalStream(
        IAsyncStreamReader<TRequest> requests, IServerStreamWriter<TResponse> responses, ServerCallContext context, Func<TRequest, TPayload> fromProto, Func<TResult, TResponse> toProto, TView view)
        : base(requests, responses, context, fromProto, toProto) => SetView(view);

    public void SetView(TView view) => SetViewCore(_view.Select(view));

    protected override TResult Render(TResult message) => _view.Render(message);
}
