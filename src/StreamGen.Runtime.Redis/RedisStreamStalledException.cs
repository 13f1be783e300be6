namespace StreamGen.Runtime.Redis;

/// <summary>
/// A subscriber was cut off: it was behind and made no progress for <see cref="RedisStreamOptions.SubscriberTimeout"/>,
/// or it fell so far behind that the entries it had yet to read were trimmed. Generated services map it to the runtime's
/// <c>StreamStalledException</c> (WebSocket close 1008, gRPC <c>RESOURCE_EXHAUSTED</c>, the end of an SSE response).
/// </summary>
public sealed class RedisStreamStalledException(string message) : Exception(message);
