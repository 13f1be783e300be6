namespace StreamGen.Runtime.Redis;

/// <summary>
/// The id to read after can no longer be honoured without a gap: it is not an id, it was never issued in this Redis data
/// set (from the future, or from before Redis lost its data), or entries after it were trimmed. Generated services map
/// it to their own "gone" error (the logger's <c>gone</c>: HTTP 410, gRPC <c>OUT_OF_RANGE</c>).
/// </summary>
public sealed class RedisStreamGoneException(string message, Exception? innerException = null) : Exception(message, innerException);
