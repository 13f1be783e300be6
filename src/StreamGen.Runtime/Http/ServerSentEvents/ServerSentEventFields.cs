namespace StreamGen.Runtime;

/// <summary>
/// The lines of one Server-Sent Event beside its <c>data:</c>, filled from the result attributes the design names
/// (<c>serverSentEvents: { id: id, event: level, retry: backoff }</c>); a null one is left out.
/// </summary>
public readonly record struct ServerSentEventFields(string? Id, string? Event, long? Retry)
{
    /// <summary>
    /// The event type of the server's error event, whose data is Goa's JSON error body. Not <c>error</c>: a design's
    /// <c>event</c> attribute may well take that value (the logger's level does), and a client would take the entry for
    /// the stream's failure. A message whose event attribute is this value is refused at send time.
    /// </summary>
    public const string ErrorEventType = "goa-error";
}
