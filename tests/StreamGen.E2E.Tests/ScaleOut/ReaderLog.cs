namespace StreamGen.E2E.Tests.ScaleOut;

/// <summary>What one reader of a stream saw, across reconnections: ids and messages in arrival order.</summary>
public sealed class ReaderLog
{
    private readonly Lock _gate = new();
    private readonly List<(string Id, string Message)> _seen = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    public List<string> Ids
    {
        get
        {
            lock (_gate)
            {
                return [.. _seen.Select(e => e.Id)];
            }
        }
    }

    public List<string> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _seen.Select(e => e.Message)];
            }
        }
    }

    public string? LastId
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count == 0 ? null : _seen[^1].Id;
            }
        }
    }

    /// <summary>Whether every id is above the one before it (Redis stream ids compare as milliseconds, then sequence).</summary>
    public bool IdsIncrease
    {
        get
        {
            var ids = Ids.Select(StreamGen.Runtime.Redis.RedisStreamId.Parse).ToList();
            return ids.Zip(ids.Skip(1)).All(p => p.First < p.Second);
        }
    }

    /// <summary>Reads <paramref name="stream"/> until this log holds <paramref name="total"/> entries (or the stream ends or fails).</summary>
    public async Task ReadAsync(IAsyncEnumerable<(string Id, string Message)> stream, int total)
    {
        if (Count >= total)
        {
            return;
        }

        await foreach (var entry in stream)
        {
            lock (_gate)
            {
                _seen.Add(entry);
                if (_seen.Count >= total)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Where the log departs from <paramref name="expected"/>: the first difference, duplicates, gaps.</summary>
    public string Describe(IReadOnlyList<string> expected)
    {
        var messages = Messages;
        var first = messages.Zip(expected).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
        var duplicates = messages.Count - messages.Distinct().Count();
        return $"{messages.Count} of {expected.Count} entries, {duplicates} duplicate(s), first difference at {(first.p.First is null ? "none" : $"{first.i}: {first.p.First} instead of {first.p.Second}")}";
    }
}
