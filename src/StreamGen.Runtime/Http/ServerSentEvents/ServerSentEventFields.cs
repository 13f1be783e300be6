namespace StreamGen.Runtime;

/// <summary>
/// The lines of one Server-Sent Event beside its <c>data:</c>, filled from the result attributes the design names
/// (<c>serverSentEvents: { id: id, event: level, retry: backoff }</c>); a null one is left out.
/// </summary>
public readonly record struct ServerSentEventFields(string? Id, string? Event, long? Retry);
