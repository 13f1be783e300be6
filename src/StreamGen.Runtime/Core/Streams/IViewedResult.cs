namespace StreamGen.Runtime;

using global::System;

/// <summary>
/// A generated result type with views (Goa's ResultType with View): the transports render each message sent in the
/// chosen view and check each message received against the view it was sent in, through these members, with no
/// delegate or boxing per message. The view enum's members carry the design's view names.
/// </summary>
public interface IViewedResult<TSelf, TView> : IValidatable
    where TSelf : IViewedResult<TSelf, TView>
    where TView : struct, Enum
{
    /// <summary>This value as sent in <paramref name="view"/>: the attributes the view leaves out are cleared.</summary>
    TSelf Project(TView view);

    /// <summary>Checks what <paramref name="view"/> requires beyond the type's own rules, for a value received in that view.</summary>
    void ValidateView(TView view, ref ValidationErrors? errors);
}
