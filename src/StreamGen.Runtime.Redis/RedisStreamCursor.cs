namespace StreamGen.Runtime.Redis;

/// <summary>Where one subscriber is in one key: the last id queued for it, and whether the shared reader feeds it.</summary>
internal sealed class RedisStreamCursor(RedisStreamId position, bool resuming)
{
    public RedisStreamId Position { get; set; } = position;

    /// <summary>Still at the id the subscriber asked to resume after: a gap here means that id is gone, not that the subscriber was slow.</summary>
    public bool Resuming { get; set; } = resuming;

    public bool Live { get; set; }
}
