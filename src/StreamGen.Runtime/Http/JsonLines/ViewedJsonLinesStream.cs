namespace StreamGen.Runtime;

using global::System;
using global::System.Text.Json.Serialization.Metadata;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// A <see cref="JsonLinesStream{T}"/> of a result type with views: each line is the result in the view the handler chose
/// (Goa's SetView; the response's Goa-View header names it) or the one the method fixes.
/// </summary>
public abstract class ViewedJsonLinesStream<TResult, TView> : JsonLinesStream<TResult>, IViewedStreamSender<TResult, TView>
    where TResult : IViewedResult<TResult, TView>
    where TView : struct, Enum
{
    private ResultView<TResult, TView> _view;

    /// <summary>A stream whose handler chooses the view.</summary>
    protected ViewedJsonLinesStream(HttpContext context, JsonTypeInfo<TResult> typeInfo)
        : base(context, typeInfo)
    {
    }

    /// <summary>A stream always sent in <paramref name="view"/> (<c>view:</c> in the method's design).</summary>
    protected ViewedJsonLinesStream(HttpContext context, JsonTypeInfo<TResult> typeInfo, TView view)
        : base(context, typeInfo) => SetView(view);

    public void SetView(TView view) => SetViewCore(_view.Select(view));

    protected override TResult Render(TResult message) => _view.Render(message);
}
