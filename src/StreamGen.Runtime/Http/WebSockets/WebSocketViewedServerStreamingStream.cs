namespace StreamGen.Runtime;

using global::System;
using global::System.Text.Json.Serialization.Metadata;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// A <see cref="WebSocketServerStreamingStream{TResult}"/> of a result type with views: each result is sent in the view
/// the handler chose (Goa's SetView; the upgrade's Goa-View header names it) or the one the method fixes.
/// </summary>
public abstract class WebSocketViewedServerStreamingStream<TResult, TView> : WebSocketServerStreamingStream<TResult>, IViewedStreamSender<TResult, TView>
    where TResult : IViewedResult<TResult, TView>
    where TView : struct, Enum
{
    private ResultView<TResult, TView> _view;

    /// <summary>A stream whose handler chooses the view.</summary>
    protected WebSocketViewedServerStreamingStream(HttpContext context, JsonTypeInfo<TResult> resultInfo)
        : base(context, resultInfo)
    {
    }

    /// <summary>A stream always sent in <paramref name="view"/> (<c>view:</c> in the method's design).</summary>
    protected WebSocketViewedServerStreamingStream(HttpContext context, JsonTypeInfo<TResult> resultInfo, TView view)
        : base(context, resultInfo) => SetView(view);

    public void SetView(TView view) => SetViewCore(_view.Select(view));

    protected override TResult Render(TResult message) => _view.Render(message);
}
