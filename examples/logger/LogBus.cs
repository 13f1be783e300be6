// The in-process log bus of the logger example (hand-written; streamgen never touches it): Logger:Bus=memory, the default.
using System.Globalization;
using Acme.Logger.Runtime;

namespace Acme.Logger;

/// <summary>
/// One bus for the whole process. Every subscriber gets every entry of its topics, in order, with no gap and no
/// duplicate, and no full queue ever makes a publisher wait. Each subscriber has a bounded queue
/// (<see cref="LogBusOptions.SubscriberQueue"/>); one whose queue is full falls behind: the publishers skip it, and its
/// reader catches up by itself from the entries its topics retain (<see cref="LogBusOptions.Retain"/>), after the last
/// id it got in each topic, merged in id order, the queue's capacity at a time, until it has caught up and the
/// publishers feed it again (as the Redis bus reads from Redis). A publish that would evict an entry a subscriber behind
/// has yet to read waits for it while it reads (<see cref="LogBusOptions.EvictionWait"/> at most without it reading
/// anything), so a subscriber that keeps reading loses nothing even when it is slower than the publishers. A subscriber
/// behind is cut off (its reader gets <see cref="StreamStalledException"/>, its queue is freed) when the next entry it
/// needs is evicted anyway, by the publish that evicts it, or when it reads nothing for
/// <see cref="LogBusOptions.SubscriberTimeout"/>, by a timer that runs only while some subscriber is behind. So a
/// stalled subscriber costs at most its queue, and holds a publisher back for at most the eviction wait, once. Ids are time-ordered (100 ns
/// ticks since the Unix epoch, made strictly increasing), so they are never reused by a later process, and an id the
/// bus cannot place (older than what a topic retains, or not issued by this process) is the design's <c>gone</c> error.
/// </summary>
public sealed partial class LogBus(Microsoft.Extensions.Options.IOptions<LogBusOptions> options, TimeProvider? clock = null) : ILogBus, IDisposable
{
    private readonly LogBusOptions _options = options.Value;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RetainedEntries> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<Subscription> _subscriptions = [];

    // Subscriptions by topic, so a publish touches its topic's subscribers only, not every subscriber of the process
    // (with 10,000 subscribers a scan of them all capped publishing at a few thousand entries a second).
    private readonly Dictionary<string, List<Subscription>> _byTopic = new(StringComparer.Ordinal);

    // Subscriptions that fell behind their queue: the only ones the stall timer looks at.
    private readonly HashSet<Subscription> _overflowed = [];
    private TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _stallTimer;
    private bool _stallTimerRunning;
    private long _origin = -1;
    private long _lastId;
    private long _cutOff;

    /// <summary>Live subscriptions (a diagnostic: it returns to zero when every subscriber has gone).</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>Entries stored since the process started.</summary>
    public long Stored { get; private set; }

    /// <summary>
    /// Subscribers cut off since the bus started: by the bus (the next entry one needed was evicted, or it read nothing
    /// for <see cref="LogBusOptions.SubscriberTimeout"/> while behind), or gone while behind its queue (its transport cut
    /// it off for not reading, which it may see first). Take the difference around a publish to count its drops.
    /// </summary>
    public long CutOff => Interlocked.Read(ref _cutOff);

    /// <summary>
    /// Appends an entry to its topic and queues it for every subscriber of the topic that is not behind (a full queue
    /// never makes it wait). When the append would evict an entry that a subscriber behind has yet to read, it first
    /// waits for that subscriber to read past it, for at most <see cref="LogBusOptions.EvictionWait"/> without the
    /// subscriber reading anything; then the subscriber is cut off. Returns the entry and how many subscribers this
    /// append cut off.
    /// </summary>
    public async ValueTask<(LogRecord Record, int CutOff)> PublishAsync(string topic, string message, Level level, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task caughtUp;
            TimeSpan wait;
            lock (_gate)
            {
                if (SlowestReaderLocked(topic) is not { } left)
                {
                    return AppendLocked(topic, message, level);
                }

                (caughtUp, wait) = (_caughtUp.Task, left);
            }

            try
            {
                await caughtUp.WaitAsync(wait, _clock, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Checked again: it may have read meanwhile, or is cut off by the append now.
            }
        }
    }

    /// <summary>
    /// Subscribes to one topic: entries published from now on or, with <paramref name="since"/>, the retained entries after
    /// that id first. Throws the design's <c>gone</c> error when the id cannot be placed.
    /// </summary>
    public Subscription Subscribe(string topic, string? since)
    {
        var subscription = new Subscription(this, ParseSince(since), _options.SubscriberQueue);
        lock (_gate)
        {
            subscription.AddTopicLocked(topic);
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>
    /// Subscribes to a changing set of topics, empty at first (see <see cref="Subscription.Add"/>). With
    /// <paramref name="since"/>, each topic replays its retained entries after that id the first time it is added.
    /// </summary>
    public Subscription Watch(string? since)
    {
        var subscription = new Subscription(this, ParseSince(since), _options.SubscriberQueue);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>The retained entries of a topic, oldest first; null when the topic has none.</summary>
    public IReadOnlyList<LogRecord>? Retained(string topic)
    {
        lock (_gate)
        {
            return _topics.TryGetValue(topic, out var retained) && retained.Count > 0 ? retained.ToArray() : null;
        }
    }

    /// <summary>Stops the stall timer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stallTimer?.Dispose();
            _stallTimer = null;
            _stallTimerRunning = false;
        }
    }

    ValueTask<ILogSubscription> ILogBus.SubscribeAsync(string topic, string? since, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ILogSubscription>(Subscribe(topic, since));

    ValueTask<ILogSubscription> ILogBus.WatchAsync(string? since, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ILogSubscription>(Watch(since));

    ValueTask<IReadOnlyList<LogRecord>> ILogBus.RecentAsync(string topic, int limit, CancellationToken cancellationToken)
    {
        var entries = Retained(topic) ?? [];
        return ValueTask.FromResult<IReadOnlyList<LogRecord>>([.. entries.Skip(Math.Max(0, entries.Count - limit))]);
    }

    async IAsyncEnumerable<LogRecord> ILogBus.RetainedAsync(string topic, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entry in Retained(topic) ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// How long the next append to <paramref name="topic"/> should wait, at most, for the subscribers behind that still
    /// need the entry it would evict and read something within <see cref="LogBusOptions.EvictionWait"/>; null when none.
    /// </summary>
    private TimeSpan? SlowestReaderLocked(string topic)
    {
        var patience = _options.EvictionWait < _options.SubscriberTimeout ? _options.EvictionWait : _options.SubscriberTimeout;
        if (patience <= TimeSpan.Zero
            || !_topics.TryGetValue(topic, out var retained)
            || retained.NextEvicted(_options.Retain) is not { } evicted
            || !_byTopic.TryGetValue(topic, out var subscribers))
        {
            return null;
        }

        TimeSpan? wait = null;
        foreach (var subscription in subscribers)
        {
            if (subscription.Behind && subscription.Needs(topic, evicted) && patience - subscription.Quiet() is var left && left > TimeSpan.Zero)
            {
                wait = wait is { } shortest && shortest < left ? shortest : left;
            }
        }

        return wait;
    }

    private (LogRecord Record, int CutOff) AppendLocked(string topic, string message, Level level)
    {
        var id = NextId();
        var record = new LogRecord
        {
            Id = id.ToString(CultureInfo.InvariantCulture),
            Timestamp = _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            Topic = topic,
            Message = message,
            Level = level,
        };

        var retained = TopicOf(topic);
        retained.Append(id, record, _options.Retain);
        Stored++;
        if (!_byTopic.TryGetValue(topic, out var subscribers))
        {
            return (record, 0);
        }

        List<Subscription>? evicted = null;
        foreach (var subscription in subscribers)
        {
            // Queued under the bus's lock, so every subscriber sees entries in id order.
            if (!subscription.OfferLocked(topic, id, record, retained.Evicted))
            {
                (evicted ??= []).Add(subscription);
            }
        }

        foreach (var subscription in evicted ?? [])
        {
            CutOffLocked(subscription, new StreamStalledException(string.Create(CultureInfo.InvariantCulture,
                $"the subscriber fell further behind than the {_options.Retain} entries topic '{topic}' retains; the stream is cut off")));
        }

        return (record, evicted?.Count ?? 0);
    }

    /// <summary>Wakes the publishes waiting for a subscriber behind: one caught up with some entries, or left.</summary>
    private void SignalCaughtUpLocked()
    {
        var caughtUp = _caughtUp;
        _caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        caughtUp.TrySetResult();
    }

    private long NextId()
    {
        EnsureOrigin();
        _lastId = Math.Max(_lastId + 1, Now());
        return _lastId;
    }

    /// <summary>Ids of this process are above the origin: the clock when the bus first ran.</summary>
    private void EnsureOrigin()
    {
        if (_origin < 0)
        {
            _origin = Now();
            _lastId = _origin;
        }
    }

    /// <summary>The clock in 100 ns ticks since the Unix epoch: ids keep pace with it up to ten million entries a second.</summary>
    private long Now() => (_clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks;

    private RetainedEntries TopicOf(string name)
    {
        if (!_topics.TryGetValue(name, out var topic))
        {
            topic = new RetainedEntries();
            _topics[name] = topic;
        }

        return topic;
    }

    /// <summary>
    /// The id as a number, or gone: not an id, not issued by this process, or from the future. "0", before every id,
    /// asks for a topic's whole history, which the bus can give while the topic has evicted nothing.
    /// </summary>
    private long? ParseSince(string? since)
    {
        if (since is null)
        {
            return null;
        }

        if (since == "0")
        {
            return 0;
        }

        lock (_gate)
        {
            EnsureOrigin();
            if (!long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= _origin || id > _lastId)
            {
                throw LoggerErrors.Gone($"entry id '{since}' was not issued by this server since it started: entries after it cannot be replayed");
            }

            return id;
        }
    }

    /// <summary>
    /// Queues, for a subscriber that is behind and has read its whole queue, the retained entries of its topics after
    /// its cursors, merged in id order, up to its queue's capacity; when that reaches the end of every topic, the
    /// publishers feed it again. Cuts it off when the next entry it needs was evicted.
    /// </summary>
    private void CatchUp(Subscription subscription)
    {
        lock (_gate)
        {
            if (!subscription.CatchUpLocked(_topics, out var evictedTopic))
            {
                CutOffLocked(subscription, new StreamStalledException(string.Create(CultureInfo.InvariantCulture,
                    $"the subscriber fell further behind than the {_options.Retain} entries topic '{evictedTopic}' retains; the stream is cut off")));
                return;
            }

            if (!subscription.Behind)
            {
                _overflowed.Remove(subscription);
            }

            SignalCaughtUpLocked();
        }
    }

    /// <summary>A subscriber's queue is full: the stall timer watches it until it has caught up.</summary>
    private void WatchOverflowedLocked(Subscription subscription)
    {
        _overflowed.Add(subscription);
        if (_stallTimerRunning)
        {
            return;
        }

        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(20).Ticks, _options.SubscriberTimeout.Ticks / 4));
        _stallTimer ??= _clock.CreateTimer(static bus => ((LogBus)bus!).CutOffStalled(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _stallTimer.Change(period, period);
        _stallTimerRunning = true;
    }

    /// <summary>The stall timer: cuts off the subscribers behind that read nothing for the timeout; stops when none is behind.</summary>
    private void CutOffStalled()
    {
        lock (_gate)
        {
            List<Subscription>? stalled = null;
            foreach (var subscription in _overflowed)
            {
                if (subscription.StalledFor(_options.SubscriberTimeout))
                {
                    (stalled ??= []).Add(subscription);
                }
            }

            foreach (var subscription in stalled ?? [])
            {
                CutOffLocked(subscription, new StreamStalledException(string.Create(CultureInfo.InvariantCulture,
                    $"the subscriber read nothing for {_options.SubscriberTimeout.TotalSeconds:0.###} s after it fell behind its queue of {_options.SubscriberQueue} entries; the stream is cut off")));
            }

            if (_overflowed.Count == 0 && _stallTimerRunning)
            {
                _stallTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _stallTimerRunning = false;
            }
        }
    }

    /// <summary>Ends a subscription: its reader gets <paramref name="reason"/>, its queue is freed, it leaves the bus.</summary>
    private void CutOffLocked(Subscription subscription, StreamStalledException reason)
    {
        Interlocked.Increment(ref _cutOff);
        LeaveLocked(subscription);
        subscription.Fail(reason);
    }

    private void LeaveLocked(Subscription subscription)
    {
        _subscriptions.Remove(subscription);
        _overflowed.Remove(subscription);
        subscription.RemoveAllTopicsLocked();
        SignalCaughtUpLocked();
    }

    private void IndexLocked(string topic, Subscription subscription)
    {
        if (!_byTopic.TryGetValue(topic, out var subscribers))
        {
            _byTopic[topic] = subscribers = [];
        }

        subscribers.Add(subscription);
    }

    private void UnindexLocked(string topic, Subscription subscription)
    {
        if (_byTopic.TryGetValue(topic, out var subscribers) && subscribers.Remove(subscription) && subscribers.Count == 0)
        {
            _byTopic.Remove(topic);
        }
    }
}
