namespace StreamGen.Runtime.Redis;

/// <summary>
/// Entries read from several keys at once (one <c>XREAD</c>, or a catching-up subscriber's <c>XRANGE</c> per key), and
/// for each key whether its part is complete (fewer entries than the batch size: nothing more after them for now).
/// </summary>
internal sealed class RedisStreamBatch<T>
{
    private readonly List<RedisStreamEntry<T>> _entries = [];
    private readonly List<(string Key, bool Complete)> _keys = [];

    public IReadOnlyList<(string Key, bool Complete)> Keys => _keys;

    public void Add(string key, IReadOnlyList<RedisStreamEntry<T>> entries, int batchSize)
    {
        _entries.AddRange(entries);
        _keys.Add((key, entries.Count < batchSize));
    }

    /// <summary>
    /// The entries in id order, up to where every key's part is complete: a key that filled its batch may have more
    /// entries before the last of another key, which the next read brings, so the later ones wait for it.
    /// </summary>
    public IEnumerable<RedisStreamEntry<T>> InOrder()
    {
        RedisStreamId? limit = null;
        foreach (var (key, complete) in _keys)
        {
            if (!complete && _entries.LastOrDefault(e => e.Key == key) is { } last && (limit is null || last.Id < limit))
            {
                limit = last.Id;
            }
        }

        _entries.Sort((a, b) => a.Id.CompareTo(b.Id));
        return limit is { } until ? _entries.Where(e => e.Id <= until) : _entries;
    }
}
