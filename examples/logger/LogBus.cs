// The in-process log bus of the logger example (hand-written; streamgen never touches it): Logger:Bus=memory, the default.
using System.Globalization;
using Acme.Logger.Runtime;

namespace Acme.Logger;

/// <summary>Settings of the bus: configuration section "Logger" (e.g. --Logger:Retain=500).</summary>
public sealed class LogBusOptions
{
    /// <summary>Entries each topic retains for recent, download and resumption (since, Last-Event-ID).</summary>
    public int Retain { get; set; } = 1000;

    /// <summary>Entries queued per subscriber before publishers wait for it.</summary>
    public int SubscriberQueue { get; set; } = 1024;

    /// <summary>
    /// How long a subscriber with a full queue may make no progress before it is cut off (and counted in publish's
    /// dropped): the longest a stalled subscriber holds a publisher back.
    /// </summary>
    public TimeSpan SubscriberTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// One bus for the whole process. Every subscriber gets every entry of its topics, in order, with no gap: entries are
/// never dropped. Each subscriber has a bounded queue; a publisher that finds one full waits for it, and a subscriber
/// that makes no progress for <see cref="LogBusOptions.SubscriberTimeout"/> is cut off (its reader gets
/// <see cref="StreamStalledException"/>) so it holds nobody back for longer. Ids are time-ordered (100 ns ticks since
/// the Unix epoch, made strictly increasing), so they are never reused by a later process, and an id the bus cannot
/// place (older than what a topic retains, or not issued by this process) is the design's <c>gone</c> error.
/// </summary>
public sealed class LogBus(Microsoft.Extensions.Options.IOptions<LogBusOptions> options, TimeProvider? clock = null) : ILogBus
{
    private readonly LogBusOptions _options = options.Value;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<Subscription> _subscriptions = [];

    // Subscriptions by topic, so a publish touches its topic's subscribers only, not every subscriber of the process
    // (with 10,000 subscribers a scan of them all capped publishing at a few thousand entries a second).
    private readonly Dictionary<string, List<Subscription>> _byTopic = new(StringComparer.Ordinal);
    private long _origin = -1;
    private long _lastId;

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
    /// Appends an entry to its topic and queues it for every subscriber of the topic; waits while a subscriber's queue
    /// is full. Returns the entry and how many subscribers were cut off while it waited.
    /// </summary>
    public async ValueTask<(LogRecord Record, int CutOff)> PublishAsync(string topic, string message, Level level, CancellationToken cancellationToken = default)
    {
        LogRecord record;
        List<Subscription>? full = null;
        lock (_gate)
        {
            record = new LogRecord
            {
                Id = NextId().ToString(CultureInfo.InvariantCulture),
                Timestamp = _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                Topic = topic,
                Message = message,
                Level = level,
            };

            TopicOf(topic).Append(record, _options.Retain);
            Stored++;
            if (_byTopic.TryGetValue(topic, out var subscribers))
            {
                foreach (var subscription in subscribers)
                {
                    // Queued under the bus's lock, so every subscriber sees entries in id order.
                    if (!subscription.Enqueue(record))
                    {
                        (full ??= []).Add(subscription);
                    }
                }
            }
        }

        var cutOff = 0;
        foreach (var subscription in full ?? [])
        {
            if (!await subscription.WaitForRoomAsync(_options.SubscriberTimeout, cancellationToken).ConfigureAwait(false))
            {
                cutOff++;
            }
        }

        return (record, cutOff);
    }

    /// <summary>
    /// Subscribes to one topic: entries published from now on or, with <paramref name="since"/>, the retained entries after
    /// that id first. Throws the design's <c>gone</c> error when the id cannot be placed.
    /// </summary>
    public Subscription Subscribe(string topic, string? since)
    {
        var subscription = new Subscription(this, ParseSince(since), _options.SubscriberQueue, _clock);
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
        var subscription = new Subscription(this, ParseSince(since), _options.SubscriberQueue, _clock);
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
            return _topics.TryGetValue(topic, out var retained) && retained.Entries.Count > 0 ? [.. retained.Entries] : null;
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

    private Topic TopicOf(string name)
    {
        if (!_topics.TryGetValue(name, out var topic))
        {
            topic = new Topic();
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

    /// <summary>Queues, under the bus's lock, the retained entries of <paramref name="topic"/> after <paramref name="since"/>.</summary>
    private void ReplayLocked(string topic, long since, Subscription subscription)
    {
        if (!_topics.TryGetValue(topic, out var retained))
        {
            return;
        }

        if (retained.Evicted > since)
        {
            throw LoggerErrors.Gone($"entries of topic '{topic}' after id {since} are no longer retained (the oldest retained follows {retained.Evicted})");
        }

        foreach (var entry in retained.Entries)
        {
            if (long.Parse(entry.Id, CultureInfo.InvariantCulture) > since)
            {
                subscription.Enqueue(entry);
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            // Always unindexed: a watch may have added a topic after the bus cut it off.
            _subscriptions.Remove(subscription);
            subscription.RemoveAllTopicsLocked();
        }
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

    /// <summary>A topic's retained entries and the id of the last one it evicted (0: none).</summary>
    private sealed class Topic
    {
        public Queue<LogRecord> Entries { get; } = new();

        public long Evicted { get; private set; }

        public void Append(LogRecord record, int retain)
        {
            Entries.Enqueue(record);
            while (Entries.Count > retain)
            {
                Evicted = long.Parse(Entries.Dequeue().Id, CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>One subscriber's bounded queue. Dispose it to unsubscribe.</summary>
    public sealed class Subscription : ILogSubscription
    {
        private readonly LogBus _bus;
        private readonly long? _since;
        private readonly int _capacity;
        private readonly TimeProvider _clock;
        private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
        private readonly HashSet<string> _replayed = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();
        private readonly Queue<LogRecord> _queue = new();
        private TaskCompletionSource? _available;
        private TaskCompletionSource? _progress;
        private long _lastProgress;
        private Exception? _cutOff;
        private bool _closed;

        internal Subscription(LogBus bus, long? since, int capacity, TimeProvider clock)
        {
            _bus = bus;
            _since = since;
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

        /// <summary>
        /// Adds a topic: from now on its entries are queued, after (the first time, with since) its retained entries
        /// after that id. Throws the design's <c>gone</c> error when they are no longer all retained.
        /// </summary>
        public void Add(string topic)
        {
            lock (_bus._gate)
            {
                AddTopicLocked(topic);
            }
        }

        ValueTask ILogSubscription.AddAsync(string topic, CancellationToken cancellationToken)
        {
            Add(topic);
            return ValueTask.CompletedTask;
        }

        /// <summary>Removes a topic: none of its entries is queued from now on.</summary>
        public void Remove(string topic)
        {
            lock (_bus._gate)
            {
                if (_topics.Remove(topic))
                {
                    _bus.UnindexLocked(topic, this);
                }
            }
        }

        internal void AddTopicLocked(string topic)
        {
            if (_topics.Contains(topic))
            {
                return;
            }

            if (_since is { } since && _replayed.Add(topic))
            {
                _bus.ReplayLocked(topic, since, this);
            }

            _topics.Add(topic);
            _bus.IndexLocked(topic, this);
        }

        /// <summary>Takes the subscription out of the bus's topic index (it is leaving the bus).</summary>
        internal void RemoveAllTopicsLocked()
        {
            foreach (var topic in _topics)
            {
                _bus.UnindexLocked(topic, this);
            }

            _topics.Clear();
        }

        /// <summary>Queues an entry (always: the bus never drops one); false when the queue is now over its capacity.</summary>
        internal bool Enqueue(LogRecord record)
        {
            TaskCompletionSource? available;
            bool within;
            lock (_gate)
            {
                if (_closed)
                {
                    return true;
                }

                _queue.Enqueue(record);
                within = _queue.Count <= _capacity;
                (available, _available) = (_available, null);
            }

            available?.TrySetResult();
            return within;
        }

        /// <summary>
        /// Waits until the queue is back within its capacity; false when the subscriber is cut off instead, because it
        /// made no progress for <paramref name="timeout"/> or went away while it was behind.
        /// </summary>
        internal async ValueTask<bool> WaitForRoomAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            while (true)
            {
                Task? progress = null;
                TimeSpan left;
                TaskCompletionSource? available = null;
                lock (_gate)
                {
                    if (_closed)
                    {
                        return false;
                    }

                    if (_queue.Count <= _capacity)
                    {
                        return true;
                    }

                    left = timeout - _clock.GetElapsedTime(_lastProgress);
                    if (left <= TimeSpan.Zero)
                    {
                        // Cut off: the reader gets the error instead of what is left, and the queue's memory is freed.
                        _cutOff = StreamStalledException.NoProgress(timeout);
                        _closed = true;
                        _queue.Clear();
                        (available, _available) = (_available, null);
                    }
                    else
                    {
                        _progress ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        progress = _progress.Task;
                    }
                }

                if (progress is null)
                {
                    available?.TrySetResult();
                    _bus.Remove(this);
                    return false;
                }

                try
                {
                    await progress.WaitAsync(left, _clock, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Checked again under the lock: it may have read in the meantime.
                }
            }
        }

        /// <summary>
        /// The entries as they come, until <paramref name="cancellationToken"/> is canceled; throws
        /// <see cref="StreamStalledException"/> once the subscriber has been cut off.
        /// </summary>
        public async IAsyncEnumerable<LogRecord> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            while (true)
            {
                LogRecord? record;
                Task? available = null;
                TaskCompletionSource? progress = null;
                lock (_gate)
                {
                    if (_cutOff is not null)
                    {
                        throw _cutOff;
                    }

                    if (_queue.TryDequeue(out record))
                    {
                        _lastProgress = _clock.GetTimestamp();
                        (progress, _progress) = (_progress, null);
                    }
                    else
                    {
                        _available ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        available = _available.Task;
                    }
                }

                progress?.TrySetResult();
                if (record is not null)
                {
                    yield return record;
                }
                else
                {
                    await available!.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        public void Dispose()
        {
            TaskCompletionSource? progress;
            lock (_gate)
            {
                _closed = true;
                _queue.Clear();
                (progress, _progress) = (_progress, null);
            }

            progress?.TrySetResult();
            _bus.Remove(this);
        }
    }
}
