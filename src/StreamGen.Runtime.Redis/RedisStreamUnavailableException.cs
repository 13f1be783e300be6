namespace StreamGen.Runtime.Redis;

/// <summary>
/// Redis could not be reached, or did not answer in time: nothing was acknowledged (a publish may still have been
/// stored when only its answer was lost, so a retry may store it twice, never zero times). Map it to a temporary error:
/// HTTP 503, WebSocket close 1011, gRPC <c>UNAVAILABLE</c>.
/// </summary>
public sealed class RedisStreamUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
