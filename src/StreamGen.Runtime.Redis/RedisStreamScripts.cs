namespace StreamGen.Runtime.Redis;

/// <summary>The Lua scripts of the broadcast (StackExchange.Redis loads each once and sends EVALSHA after).</summary>
internal static class RedisStreamScripts
{
    /// <summary>
    /// Publishes one entry: KEYS[1] the stream, KEYS[2] the bookkeeping hash; ARGV[1] entries to retain, ARGV[2] slack,
    /// ARGV[3] the hash field that records the stream's last trimmed id, ARGV[4] the JSON. Returns the entry's id.
    /// <para>
    /// Ids come from Redis' clock (<c>TIME</c>) but increase across every stream of the broadcast, not only within one
    /// (the hash's <c>last</c>): a reader of several keys can resume all of them after one id. The first id of a data set
    /// is kept as <c>origin</c>, so an id from before Redis lost its data is recognised. Trimming is done here rather than
    /// by <c>XADD MAXLEN ~</c>, because resumption needs to know exactly which id was trimmed last: the stream is cut back
    /// to ARGV[1] entries once it holds ARGV[2] more, and the last id cut is recorded.
    /// </para>
    /// </summary>
    public const string Publish = """
        local now = redis.call('TIME')
        local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        local seq = 0
        local last = redis.call('HGET', KEYS[2], 'last')
        if last then
          local dash = string.find(last, '-', 1, true)
          local lastMs = tonumber(string.sub(last, 1, dash - 1))
          if ms <= lastMs then
            ms = lastMs
            seq = tonumber(string.sub(last, dash + 1)) + 1
          end
        end
        local id = string.format('%.0f-%.0f', ms, seq)
        redis.call('XADD', KEYS[1], id, 'd', ARGV[4])
        if not last then
          redis.call('HSET', KEYS[2], 'origin', id)
        end
        redis.call('HSET', KEYS[2], 'last', id)
        local retain = tonumber(ARGV[1])
        local length = redis.call('XLEN', KEYS[1])
        if length >= retain + tonumber(ARGV[2]) then
          local trimmed = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', length - retain)
          redis.call('XTRIM', KEYS[1], 'MAXLEN', retain)
          redis.call('HSET', KEYS[2], ARGV[3], trimmed[#trimmed][1])
        end
        return id
        """;
}
