namespace StreamGen.Runtime;

using global::System;
using global::System.Text.Json.Serialization.Metadata;

/// <summary>
/// A <see cref="WebSocketServerStreamingCall{TResult}"/> of a result type with views: the view comes from the upgrade's
/// Goa-View header (or the method fixes it), and each result is checked against what that view requires.
/// </summary>
public abstract class WebSocketViewedServerStreamingCall<TResult, TView> : WebSocketServerStreamingCall<TResult>
    where TResult : class, IViewedResult<TResult, TView>
    where TView : struct, Enum
{
    /// <summary>A stream whose server chooses the view.</summary>
    protected WebSocketViewedServerStreamingCall(WebSocketConnection connection, JsonTypeInfo<TResult> resultInfo)
        : base(connection, resultInfo) => View = ResultView<TResult, TView>.Parse(ViewName);

    /// <summary>A stream always sent in <paramref name="view"/> (<c>view:</c> in the method's design).</summary>
    protected WebSocketViewedServerStreamingCall(WebSocketConnection connection, JsonTypeInfo<TResult> resultInfo, TView view)
        : base(connection, resultInfo) => View = view;

    /// <summary>The view the server renders messages in.</summary>
    public TView View { get; }

    protected override void ValidateReceived(TResult message, ref ValidationErrors? errors)
    {
        base.ValidateReceived(message, ref errors);
        message.ValidateView(View, ref errors);
    }
}
