namespace StreamGen.Runtime;

/// <summary>How the messages of an HTTP stream travel (see <see cref="StreamFramings"/>).</summary>
public enum StreamFraming
{
    /// <summary>Server-Sent Events, <c>text/event-stream</c>.</summary>
    ServerSentEvents,

    /// <summary>JSON Lines, <c>application/x-ndjson</c>: one JSON value a line.</summary>
    JsonLines,

    /// <summary>A WebSocket with Goa's wire protocol: one JSON value a text frame.</summary>
    WebSocket,
}
