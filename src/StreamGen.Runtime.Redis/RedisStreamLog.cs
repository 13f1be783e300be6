using Microsoft.Extensions.Logging;

namespace StreamGen.Runtime.Redis;

/// <summary>The broadcast's log lines: one per change of Redis' state, never one per failed call.</summary>
internal static partial class RedisStreamLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Redis unreachable ({Reason}): publishes fail as unavailable, subscribers wait for it; retrying")]
    public static partial void Unreachable(ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Redis reachable again: subscribers continue after their last entry")]
    public static partial void Reachable(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Redis lost its stream data (its first entry is now {Origin}, was {Previous}): {Count} subscriber(s) closed as gone")]
    public static partial void DataSetLost(ILogger logger, string origin, string previous, int count);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "The shared Redis stream reader failed; retrying")]
    public static partial void ReaderFailed(ILogger logger, Exception exception);
}
