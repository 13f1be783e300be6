namespace StreamGen.Runtime;

using global::System;

/// <summary>
/// Settings of the generated gRPC transport. Bound from configuration section <c>StreamGen:Grpc</c> (e.g.
/// <c>--StreamGen:Grpc:StallTimeout=00:00:10</c>) by the generated host, which also hands them to each call through
/// <see cref="GrpcStreamOptionsInterceptor"/>; or set in code with
/// <c>builder.Services.Configure&lt;StreamGenGrpcOptions&gt;(...)</c>.
/// </summary>
public sealed class StreamGenGrpcOptions
{
    /// <summary>Messages queued for a slow client before senders wait.</summary>
    public int SendQueueLimit { get; set; } = 1024;

    /// <summary>
    /// How long one write may wait for the client's flow-control window (a client that reads nothing); then the call is
    /// cut off with <c>RESOURCE_EXHAUSTED</c> and the handler's token is canceled. Zero waits forever.
    /// </summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Interval of the server's HTTP/2 pings on an idle gRPC connection (Kestrel's <c>KeepAlivePingDelay</c>).</summary>
    /// <summary>
    /// After SIGTERM, how long a call that receives (client or bidirectional streaming) may go on so its handler can
    /// finish; then its token is canceled and it ends with UNAVAILABLE. Server-streaming calls end at once. Keep it under
    /// <c>HostOptions.ShutdownTimeout</c> (30 s by default). Zero: no grace (<see cref="ShutdownGrace"/>).
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A call on which no message was sent or received for this long is ended with <c>DEADLINE_EXCEEDED</c>
    /// (<c>idle_timeout: ...</c>; HTTP/2 pings do not count) and its handler's token canceled. Zero, the default, turns it off.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; }

    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server waits for a ping's answer before it closes the connection (Kestrel's <c>KeepAlivePingTimeout</c>).</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
