namespace StreamGen.Runtime;

using global::System;
using global::Microsoft.Extensions.Logging;

/// <summary>Settings of the generated HTTP clients: WebSocket streams and Server-Sent Events streams.</summary>
public sealed class StreamGenClientOptions
{
    /// <summary>Largest message accepted from the server, in bytes; a larger one closes the stream with 1009.</summary>
    public int MaxMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Interval of keep-alive frames (pings); zero turns them off.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the client waits for anything from the server after a ping while a receive or send is waiting; past it
    /// the connection is dropped and the call fails (a dead server or half-open connection) instead of hanging. Zero: the
    /// client sends unsolicited pongs and never gives up.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Failed reconnections in a row after which a Server-Sent Events stream gives up and its receive fails with the last
    /// error (a dropped connection, a 5xx or a connection refused); zero turns reconnection off.
    /// </summary>
    public int ServerSentEventsMaxReconnectAttempts { get; set; } = 10;

    /// <summary>
    /// Delay before the first reconnection of a Server-Sent Events stream; each failed attempt doubles it, with jitter
    /// (half to all of it), up to <see cref="ServerSentEventsMaxReconnectDelay"/> or the server's <c>retry:</c>, whichever is smaller.
    /// </summary>
    public TimeSpan ServerSentEventsReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay between two reconnections of a Server-Sent Events stream.</summary>
    public TimeSpan ServerSentEventsMaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Called before each reconnection of a Server-Sent Events stream, with the attempt, the delay and the cause.</summary>
    public Action<ServerSentEventsReconnect>? ServerSentEventsReconnecting { get; set; }

    /// <summary>
    /// The framing a server stream is read in when its route offers several (a method with <c>serverSentEvents</c> also
    /// answers JSON Lines and a WebSocket upgrade): null, the default, reads Server-Sent Events (which reconnect and
    /// resume by themselves); <see cref="StreamFraming.JsonLines"/> reads <c>application/x-ndjson</c> (no reconnection:
    /// a cut stream fails with <c>connection_lost</c>); <see cref="StreamFraming.WebSocket"/> upgrades (Goa's wire protocol).
    /// A method with one framing ignores it.
    /// </summary>
    public StreamFraming? ServerStreamFraming { get; set; }

    /// <summary>Where the clients log (reconnections of Server-Sent Events streams); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>What secured methods send (a bearer token provider, an API key, Basic credentials), on WebSockets, SSE and plain requests alike.</summary>
    public ClientCredentials? Credentials { get; set; }
}
