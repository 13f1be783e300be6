namespace StreamGen.Runtime.Redis;

/// <summary>One entry as the broadcast read it: deserialized once, then queued for every local subscriber of its key.</summary>
internal sealed record RedisStreamEntry<T>(RedisStreamId Id, string Text, string Key, T Item);
