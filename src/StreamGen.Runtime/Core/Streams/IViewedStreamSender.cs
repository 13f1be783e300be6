namespace StreamGen.Runtime;

using global::System;

/// <summary>The sending half of a server stream of a result type with views: the handler chooses the view (Goa's SetView).</summary>
public interface IViewedStreamSender<in T, in TView> : IStreamSender<T>
    where TView : struct, Enum
{
    /// <summary>Chooses the view messages are sent in. Call it before the first send; the client learns it from the Goa-View header.</summary>
    void SetView(TView view);
}
