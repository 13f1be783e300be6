namespace StreamGen.Runtime.Redis;

/// <summary>
/// One key the shared reader follows: the last id it handed to subscribers, and the subscribers fed by it (those that
/// have caught up; the others read from Redis by themselves until they have).
/// </summary>
internal sealed class RedisStreamFeed<T>(string key, RedisStreamId position)
{
    public string Key { get; } = key;

    public RedisStreamId Position { get; set; } = position;

    public List<RedisStreamSubscription<T>> Live { get; } = [];
}
