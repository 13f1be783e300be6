namespace StreamGen.Runtime;

using global::System;

/// <summary>The receiving half of a client stream of a result type with views: the view the server renders messages in.</summary>
public interface IViewedStreamReceiver<T, out TView> : IStreamReceiver<T>
    where T : class
    where TView : struct, Enum
{
    /// <summary>The view the server renders messages in (from the Goa-View header); each message is checked against it.</summary>
    TView View { get; }
}
