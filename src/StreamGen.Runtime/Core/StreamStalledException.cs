namespace StreamGen.Runtime;

using global::System;
using global::System.Globalization;

/// <summary>
/// The peer of a server stream (or a queue feeding it) made no progress for too long, so the stream is cut off rather
/// than let it fall silently behind: its queue is bounded, and nothing it was sent is skipped. The transports end the
/// stream the way their protocol says a peer was too slow: WebSocket close 1008 with the reason
/// <c>stalled: message</c>, gRPC <c>RESOURCE_EXHAUSTED</c>, the end of a Server-Sent Events response. The error is
/// temporary: a client that reads faster can reconnect (and resume, where the method takes an id to resume after).
/// </summary>
public sealed class StreamStalledException : ServiceError
{
    /// <summary>The error name on the wire.</summary>
    public const string ErrorName = "stalled";

    public StreamStalledException(string message, Exception? innerException = null)
        : base(ErrorName, message, temporary: true, innerException: innerException)
    {
    }

    /// <summary>The error for a peer that read nothing for <paramref name="timeout"/> while its send queue was full.</summary>
    public static StreamStalledException NoProgress(TimeSpan timeout) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the client read nothing for {timeout.TotalSeconds:0.###} s while its send queue was full; the stream is cut off"));
}
