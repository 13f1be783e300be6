namespace StreamGen.Runtime;

using global::System;

/// <summary>
/// A reconnection a Server-Sent Events client stream is about to make: <paramref name="Attempt"/> counts from 1 since
/// the last event received, after <paramref name="Delay"/>, resuming after <paramref name="LastEventId"/> (sent as
/// <c>Last-Event-ID</c>), because of <paramref name="Cause"/>.
/// </summary>
public sealed record ServerSentEventsReconnect(int Attempt, TimeSpan Delay, string? LastEventId, Exception Cause);
