using StackExchange.Redis;

namespace StreamGen.Runtime.Redis;

/// <summary>Which StackExchange.Redis failures mean "Redis cannot be reached now", and how they are told to callers and logs.</summary>
internal static class RedisFailures
{
    /// <summary>A connection failure, a timeout, or a server still loading its data or without a reachable primary.</summary>
    public static bool IsUnavailable(Exception e) =>
        e is RedisConnectionException or RedisTimeoutException
        || (e is RedisServerException server && (server.Message.StartsWith("LOADING", StringComparison.Ordinal) || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)));

    public static RedisStreamUnavailableException Unavailable(Exception e) =>
        new($"Redis cannot be reached ({Describe(e)}): not acknowledged; retry later", e);

    /// <summary>What went wrong in a few words (StackExchange.Redis' messages carry its whole state, for logs at debug level).</summary>
    public static string Describe(Exception e) => e switch
    {
        RedisConnectionException connection => connection.FailureType.ToString(),
        RedisTimeoutException => "no answer in time",
        _ => e.Message.Split(' ', 2)[0],
    };
}
