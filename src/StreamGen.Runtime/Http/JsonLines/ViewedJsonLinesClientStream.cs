namespace StreamGen.Runtime;

using global::System;
using global::System.Text.Json.Serialization.Metadata;

/// <summary>
/// A <see cref="JsonLinesClientStream{T}"/> of a result type with views: the view comes from the response's Goa-View
/// header (or the method fixes it), and each result is checked against what that view requires.
/// </summary>
public abstract class ViewedJsonLinesClientStream<TResult, TView> : JsonLinesClientStream<TResult>
    where TResult : class, IViewedResult<TResult, TView>
    where TView : struct, Enum
{
    /// <summary>A stream whose server chooses the view.</summary>
    protected ViewedJsonLinesClientStream(JsonLinesConnection connection, JsonTypeInfo<TResult> typeInfo)
        : base(connection, typeInfo) => View = ResultView<TResult, TView>.Parse(ViewName);

    /// <summary>A stream always sent in <paramref name="view"/> (<c>view:</c> in the method's design).</summary>
    protected ViewedJsonLinesClientStream(JsonLinesConnection connection, JsonTypeInfo<TResult> typeInfo, TView view)
        : base(connection, typeInfo) => View = view;

    /// <summary>The view the server renders messages in.</summary>
    public TView View { get; }

    protected override void ValidateReceived(TResult message, ref ValidationErrors? errors)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.ValidateView(View, ref errors);
    }
}
