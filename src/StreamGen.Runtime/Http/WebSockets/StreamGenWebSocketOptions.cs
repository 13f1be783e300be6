namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;

/// <summary>
/// Settings of the generated WebSocket and HTTP transport. Bound from configuration section <c>StreamGen:Http</c>
/// (e.g. <c>--StreamGen:Http:MaxMessageSize=65536</c>) by the generated host, or set in code with
/// <c>builder.Services.Configure&lt;StreamGenWebSocketOptions&gt;(...)</c>.
/// </summary>
public sealed class StreamGenWebSocketOptions
{
    /// <summary>Largest message accepted, in bytes; a larger one closes the stream with 1009.</summary>
    public int MaxMessageSize { get; set; } = 1024 * 1024;

    /// <summary>Interval of the server's pings (RFC 6455 ping frames); zero turns them off.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the server waits for the pong that answers each ping; a client that does not answer in time (a half-open
    /// connection) is dropped and its handler's token canceled. Zero only sends pings, with no deadline.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Messages queued for a slow client before senders wait (with <see cref="SendHighWaterMark"/> for bytes).</summary>
    public int SendQueueLimit { get; set; } = 1024;

    /// <summary>
    /// How long a client may take no bytes at all while the server has some for it; then it is cut off: close 1008
    /// (<c>stalled: ...</c>) after what it was already sent, and the handler's token is canceled. Zero waits forever.
    /// </summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After SIGTERM, how long a stream that receives (client or bidirectional) may go on so its handler can finish (a
    /// <c>publish</c> gets the rest of its entries and sends its result); then its token is canceled and it closes with
    /// 1001. Server streams close with 1001 at once. Keep it under <c>HostOptions.ShutdownTimeout</c> (30 s by default).
    /// Zero: no grace (<see cref="ShutdownGrace"/>).
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A stream on which no application message was sent or received for this long is ended by the server (pings and SSE
    /// heartbeats do not count): WebSocket close 1001 <c>idle_timeout: ...</c>, SSE an <c>idle_timeout</c> error event,
    /// JSON Lines the end of the connection; the handler's token is canceled. Zero, the default, turns it off: a feed
    /// may rightly stay quiet for hours, and liveness is the pings' job (<see cref="KeepAliveTimeout"/>).
    /// </summary>
    public TimeSpan IdleTimeout { get; set; }

    /// <summary>How long the server waits for the client's close frame after sending its own.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Bytes queued for a slow client before senders wait.</summary>
    public int SendHighWaterMark { get; set; } = 256 * 1024;

    /// <summary>Received messages decoded ahead of the handler before the server stops reading the socket.</summary>
    public int ReceiveQueueCapacity { get; set; } = 64;

    /// <summary>
    /// Browser origins allowed to open streams besides the server's own and loopback ones (<c>*</c>: all); see
    /// <see cref="OriginPolicy"/>. A stream from another origin is closed with 1008 (<c>forbidden: origin not allowed</c>).
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Streams (WebSocket and Server-Sent Events) one client address may have open at once; more get 429 <c>too_many_streams</c>. Zero: no limit.</summary>
    public int MaxStreamsPerClient { get; set; } = 256;

    /// <summary>WebSocket upgrades one client address may make per second on average (ASP.NET Core's rate limiter); more get 429 <c>rate_limited</c>. Zero: no limit.</summary>
    public int UpgradesPerSecond { get; set; } = 100;

    /// <summary>Upgrades one client address may make at once before <see cref="UpgradesPerSecond"/> applies (the token bucket's size).</summary>
    public int UpgradeBurst { get; set; } = 200;

    /// <summary>Largest raw request body (skipRequestBodyEncodeDecode) in bytes; null means no limit, as raw bodies are streamed.</summary>
    public long? MaxRawRequestBodySize { get; set; }

    /// <summary>
    /// Server-Sent Events: how long a stream may stay silent before the server sends a comment line (<c>:</c>) to keep
    /// proxies and load balancers from closing it as idle (<c>StreamGen:Http:SseHeartbeat</c>, default 15 s). The first
    /// heartbeat also starts a response no event has started yet. Zero turns heartbeats off.
    /// </summary>
    public TimeSpan SseHeartbeat { get; set; } = TimeSpan.FromSeconds(15);
}
