namespace StreamGen.Runtime;

using global::System;

/// <summary>Settings of the generated HTTP/WebSocket clients.</summary>
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

    /// <summary>What secured methods send (a bearer token provider, an API key, Basic credentials), on WebSockets, SSE and plain requests alike.</summary>
    public ClientCredentials? Credentials { get; set; }
}
