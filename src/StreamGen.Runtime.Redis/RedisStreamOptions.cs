namespace StreamGen.Runtime.Redis;

/// <summary>Settings of a <see cref="RedisStreamBroadcast{T}"/>; bind them from configuration like any options class.</summary>
public sealed class RedisStreamOptions
{
    /// <summary>
    /// Prefix of every Redis key the broadcast uses: streams are <c>{prefix}s:{key}</c>, their shared bookkeeping hash
    /// <c>{prefix}meta</c>. Keep a hash tag (<c>{name}</c>) in it so that a Redis Cluster places them in one slot, which the
    /// publish script needs (it touches a stream and the bookkeeping hash atomically).
    /// </summary>
    public string KeyPrefix { get; set; } = "{streamgen}:";

    /// <summary>Entries each stream retains at least, for resumption and range reads.</summary>
    public int Retain { get; set; } = 1000;

    /// <summary>
    /// Entries a stream may hold beyond <see cref="Retain"/> before it is trimmed back to it in one step (the amortized
    /// trimming of <c>MAXLEN ~</c>); null: a tenth of <see cref="Retain"/>.
    /// </summary>
    public int? RetainSlack { get; set; }

    /// <summary>Entries fetched per key by one read (the shared reader's <c>XREAD COUNT</c>, a catching-up subscriber's <c>XRANGE COUNT</c>).</summary>
    public int ReadBatch { get; set; } = 512;

    /// <summary>How long the shared reader's <c>XREAD BLOCK</c> waits for new entries before it asks again.</summary>
    public TimeSpan BlockTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Entries queued per local subscriber; one that falls further behind reads from Redis by itself until it catches up.</summary>
    public int SubscriberQueue { get; set; } = 1024;

    /// <summary>How long a subscriber that is behind may make no progress before it is cut off (<see cref="RedisStreamStalledException"/>).</summary>
    public TimeSpan SubscriberTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts to reach Redis while it is unreachable (the first is a tenth of it).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    internal int Slack => Math.Max(1, RetainSlack ?? Retain / 10);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Retain, 1, nameof(Retain));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadBatch, 1, nameof(ReadBatch));
        ArgumentOutOfRangeException.ThrowIfLessThan(SubscriberQueue, 1, nameof(SubscriberQueue));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BlockTime, TimeSpan.Zero, nameof(BlockTime));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SubscriberTimeout, TimeSpan.Zero, nameof(SubscriberTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
        ArgumentException.ThrowIfNullOrEmpty(KeyPrefix, nameof(KeyPrefix));
    }
}
