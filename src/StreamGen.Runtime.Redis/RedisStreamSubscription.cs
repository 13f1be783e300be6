using System.Runtime.CompilerServices;

namespace StreamGen.Runtime.Redis;

/// <summary>
/// One local subscriber of a <see cref="RedisStreamBroadcast{T}"/>: the entries of its keys after its start, each once,
/// in id order. Entries come from the process's shared reader into a bounded queue; a subscriber that falls behind the
/// queue reads from Redis by itself (<c>XRANGE</c>) until it has caught up, so it never holds the others back and misses
/// nothing, and is cut off (<see cref="RedisStreamStalledException"/>) when, behind, it makes no progress for
/// <see cref="RedisStreamOptions.SubscriberTimeout"/>. Dispose it to unsubscribe.
/// </summary>
public sealed class RedisStreamSubscription<T> : IDisposable
{
    private readonly RedisStreamBroadcast<T> _broadcast;
    private readonly TimeProvider _clock;
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly Queue<RedisStreamEntry<T>> _queue = new();
    private TaskCompletionSource? _available;
    private Exception? _failure;
    private long _lastProgress;
    private volatile bool _behind;
    private volatile bool _pulling;

    internal RedisStreamSubscription(RedisStreamBroadcast<T> broadcast, RedisStreamId start, bool replay, int capacity, TimeProvider clock)
    {
        _broadcast = broadcast;
        Start = start;
        Replay = replay;
        _capacity = capacity;
        _clock = clock;
        _lastProgress = clock.GetTimestamp();
    }

    /// <summary>Entries queued and not yet read.</summary>
    public int Queued
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>The id the subscription started after (with an id to resume after, that id; else the last id issued when it began).</summary>
    internal RedisStreamId Start { get; }

    /// <summary>Whether keys replay their retained entries after <see cref="Start"/> the first time they are added.</summary>
    internal bool Replay { get; }

    // The members below are guarded by the broadcast's lock.
    internal Dictionary<string, RedisStreamCursor> Cursors { get; } = new(StringComparer.Ordinal);

    internal HashSet<string> Replayed { get; } = new(StringComparer.Ordinal);

    /// <summary>It fell behind the queue at least once: from then on it is cut off when it stalls while behind.</summary>
    internal bool Demoted { get; set; }

    internal bool Closed { get; private set; }

    /// <summary>
    /// Adds a key: its entries from now on or, the first time with an id to resume after, its retained entries after that
    /// id first. Throws <see cref="RedisStreamGoneException"/> when entries after that id were trimmed, and
    /// <see cref="RedisStreamUnavailableException"/> when Redis cannot be reached.
    /// </summary>
    public Task AddAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _broadcast.AddAsync(this, key, cancellationToken);
    }

    /// <summary>Removes a key: none of its entries is queued from now on.</summary>
    public void Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _broadcast.Remove(this, key);
    }

    /// <summary>
    /// The entries as they come, as (id, item), until <paramref name="cancellationToken"/> is canceled; throws what cut
    /// the subscription off (<see cref="RedisStreamStalledException"/>, <see cref="RedisStreamGoneException"/> when Redis
    /// lost the entries it had yet to read).
    /// </summary>
    public async IAsyncEnumerable<(string Id, T Item)> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            RedisStreamEntry<T>? entry;
            Task? available = null;
            var catchUp = false;
            lock (_gate)
            {
                if (_failure is not null)
                {
                    throw _failure;
                }

                if (_queue.TryDequeue(out entry))
                {
                    _lastProgress = _clock.GetTimestamp();
                }
                else if (_behind)
                {
                    catchUp = true;
                    _pulling = true;
                }
                else
                {
                    _available ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    available = _available.Task;
                }
            }

            if (entry is not null)
            {
                yield return (entry.Text, entry.Item);
            }
            else if (catchUp)
            {
                try
                {
                    await _broadcast.CatchUpAsync(this, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _pulling = false;
                }
            }
            else
            {
                await available!.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _broadcast.Unsubscribe(this);

    /// <summary>Queues an entry from the shared reader; false (and nothing queued) when the queue is full.</summary>
    internal bool TryEnqueue(RedisStreamEntry<T> entry)
    {
        TaskCompletionSource? available;
        lock (_gate)
        {
            if (_queue.Count >= _capacity)
            {
                return false;
            }

            _queue.Enqueue(entry);
            (available, _available) = (_available, null);
        }

        available?.TrySetResult();
        return true;
    }

    /// <summary>Queues what the subscriber read from Redis itself (it asked for it, so the queue's bound does not apply).</summary>
    internal void Enqueue(RedisStreamEntry<T> entry)
    {
        lock (_gate)
        {
            _queue.Enqueue(entry);
        }
    }

    internal void SetBehind(bool behind)
    {
        _behind = behind;
        if (behind)
        {
            Wake();
        }
    }

    /// <summary>Behind since it fell behind its queue, not reading, and no entry taken for <paramref name="timeout"/>.</summary>
    internal bool IsStalled(TimeSpan timeout)
    {
        lock (_gate)
        {
            return Demoted && _behind && !_pulling && _failure is null && _clock.GetElapsedTime(_lastProgress) > timeout;
        }
    }

    /// <summary>Ends the subscription: its reader gets <paramref name="failure"/> instead of what is left.</summary>
    internal void Fail(Exception failure)
    {
        TaskCompletionSource? available;
        lock (_gate)
        {
            _failure ??= failure;
            _queue.Clear();
            (available, _available) = (_available, null);
        }

        available?.TrySetResult();
    }

    internal void Close()
    {
        Closed = true;
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    private void Wake()
    {
        TaskCompletionSource? available;
        lock (_gate)
        {
            (available, _available) = (_available, null);
        }

        available?.TrySetResult();
    }
}
