namespace StreamGen.Runtime;

using global::System;

/// <summary>
/// The view a viewed stream renders in, for the viewed stream kinds of every transport: the design's <c>default</c> view
/// until the handler chooses another (Goa's SetView) or the method fixes one.
/// </summary>
public struct ResultView<TResult, TView>
    where TResult : IViewedResult<TResult, TView>
    where TView : struct, Enum
{
    private bool _chosen;
    private TView _view;

    /// <summary>The view messages are rendered in.</summary>
    public readonly TView View => _chosen ? _view : Default;

    /// <summary>The view named <c>default</c> in the design (a result type always has one).</summary>
    public static TView Default => WireEnum<TView>.TryParse("default", out var view) ? view : default;

    /// <summary>Chooses <paramref name="view"/> and returns its design name, for the Goa-View header.</summary>
    public string Select(TView view)
    {
        _view = view;
        _chosen = true;
        return WireEnum<TView>.Name(view);
    }

    /// <summary>The message as sent in the chosen view.</summary>
    public readonly TResult Render(TResult message) => message.Project(View);

    /// <summary>The view a client reads from the Goa-View header: the default view when the header is absent or empty.</summary>
    public static TView Parse(string? name) => string.IsNullOrEmpty(name) ? Default : WireEnum<TView>.TryParse(name, out var view) ? view : Default;
}
