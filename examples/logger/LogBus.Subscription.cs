using System.Runtime.InteropServices;
using Acme.Logger.Runtime;

namespace Acme.Logger;

public sealed partial class LogBus
{
    /// <summary>
    /// One subscriber: its topics, where it is in each (the last id it got), and its bounded queue. The publishers queue
    /// entries for it while it keeps up; once its queue is full it is behind and reads the rest from what its topics
    /// retain (see <see cref="LogBus"/>). Dispose it to unsubscribe.
    /// </summary>
    public sealed class Subscription : ILogSubscription
    {
        private readonly LogBus _bus;
        private readonly long? _since;
        private readonly int _capacity;

        // Guarded by the bus's lock. A cursor is the id after which the topic's entries are still due; while the
        // subscription is fed by the publishers (not behind) the cursors lag behind what it got, and are brought up to
        // date when it falls behind (everything published before then was queued for it).
        private readonly Dictionary<string, long> _cursors = new(StringComparer.Ordinal);
        private HashSet<string>? _replayed;
        private bool _overflowed;
        private bool _left;

        // Guarded by _gate.
        private readonly Lock _gate = new();
        private readonly Queue<LogRecord> _queue = new();
        private TaskCompletionSource? _available;
        private Exception? _failure;
        private long _lastProgress;
        private bool _closed;

        // Written under the bus's lock; read by the reader without it, to know whether to catch up.
        private volatile bool _behind;

        internal Subscription(LogBus bus, long? since, int capacity)
        {
            _bus = bus;
            _since = since;
            _capacity = Math.Max(1, capacity);
            _lastProgress = bus._clock.GetTimestamp();
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

        /// <summary>Whether it reads from what its topics retain rather than being fed by the publishers.</summary>
        internal bool Behind => _behind;

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
                if (_cursors.Remove(topic))
                {
                    _bus.UnindexLocked(topic, this);
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
                lock (_gate)
                {
                    if (_failure is not null)
                    {
                        throw _failure;
                    }

                    if (_queue.TryDequeue(out record))
                    {
                        _lastProgress = _bus._clock.GetTimestamp();
                    }
                    else if (!_behind)
                    {
                        _available ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        available = _available.Task;
                    }
                }

                if (record is not null)
                {
                    yield return record;
                }
                else if (available is not null)
                {
                    await available.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    _bus.CatchUp(this);
                }
            }
        }

        /// <summary>Leaves the bus; one that leaves while behind its queue counts as cut off (its transport cut it off first).</summary>
        public void Dispose()
        {
            lock (_bus._gate)
            {
                if (!_left && _overflowed)
                {
                    Interlocked.Increment(ref _bus._cutOff);
                }

                _bus.LeaveLocked(this);
            }

            lock (_gate)
            {
                _closed = true;
                _queue.Clear();
            }
        }

        internal void AddTopicLocked(string topic)
        {
            if (_left || _cursors.ContainsKey(topic))
            {
                return;
            }

            var retained = _bus._topics.GetValueOrDefault(topic);
            if (_since is { } since && _replayed?.Contains(topic) != true)
            {
                if (retained is not null && retained.Evicted > since)
                {
                    throw LoggerErrors.Gone($"entries of topic '{topic}' after id {since} are no longer retained (the oldest retained follows {retained.Evicted})");
                }

                (_replayed ??= new(StringComparer.Ordinal)).Add(topic);
                if (retained is not null && retained.FirstAfter(since) < retained.Count)
                {
                    // Its retained entries after since are read the way a subscriber behind reads them.
                    FallBehindLocked(_bus._lastId);
                }

                _cursors[topic] = since;
            }
            else
            {
                _cursors[topic] = _bus._lastId;
            }

            _bus.IndexLocked(topic, this);
        }

        /// <summary>Takes the subscription out of the bus's topic index (it is leaving the bus).</summary>
        internal void RemoveAllTopicsLocked()
        {
            _left = true;
            foreach (var topic in _cursors.Keys)
            {
                _bus.UnindexLocked(topic, this);
            }

            _cursors.Clear();
        }

        /// <summary>
        /// A publish of one of its topics: queued when it keeps up; when its queue is full it falls behind (it will read
        /// the entry from what the topic retains). False when it is behind and <paramref name="evicted"/>, just evicted
        /// from the topic, is one it still needed: it has to be cut off.
        /// </summary>
        internal bool OfferLocked(string topic, long id, LogRecord record, long evicted)
        {
            if (_behind)
            {
                return evicted <= _cursors[topic];
            }

            TaskCompletionSource? available = null;
            bool queued;
            lock (_gate)
            {
                if (_closed)
                {
                    return true;
                }

                queued = _queue.Count < _capacity;
                if (queued)
                {
                    _queue.Enqueue(record);
                    (available, _available) = (_available, null);
                }
            }

            if (queued)
            {
                available?.TrySetResult();
                return true;
            }

            FallBehindLocked(id - 1);
            _overflowed = true;
            lock (_gate)
            {
                // The stall timer counts from now: until its queue filled it held nobody back.
                _lastProgress = _bus._clock.GetTimestamp();
            }

            _bus.WatchOverflowedLocked(this);
            return true;
        }

        /// <summary>
        /// Queues (caught up with the bus's lock held) the retained entries after its cursors, merged in id order, up to
        /// its queue's room; when none is left it is no longer behind. False, with the topic, when the next entry it needs
        /// was evicted.
        /// </summary>
        internal bool CatchUpLocked(Dictionary<string, RetainedEntries> topics, out string? evictedTopic)
        {
            evictedTopic = null;
            if (_left)
            {
                // Disposed: nothing more to read.
                _behind = false;
                return true;
            }

            if (!_behind)
            {
                return true;
            }

            var heads = new List<(string Topic, RetainedEntries Entries, int Next)>(_cursors.Count);
            foreach (var (topic, cursor) in _cursors)
            {
                if (!topics.TryGetValue(topic, out var entries))
                {
                    continue;
                }

                if (entries.Evicted > cursor)
                {
                    evictedTopic = topic;
                    return false;
                }

                var next = entries.FirstAfter(cursor);
                if (next < entries.Count)
                {
                    heads.Add((topic, entries, next));
                }
            }

            TaskCompletionSource? available;
            lock (_gate)
            {
                while (heads.Count > 0 && _queue.Count < _capacity)
                {
                    var first = 0;
                    for (var i = 1; i < heads.Count; i++)
                    {
                        if (heads[i].Entries[heads[i].Next].Id < heads[first].Entries[heads[first].Next].Id)
                        {
                            first = i;
                        }
                    }

                    var (topic, entries, next) = heads[first];
                    var (id, record) = entries[next];
                    _queue.Enqueue(record);
                    CollectionsMarshal.GetValueRefOrNullRef(_cursors, topic) = id;
                    if (next + 1 < entries.Count)
                    {
                        heads[first] = (topic, entries, next + 1);
                    }
                    else
                    {
                        heads.RemoveAt(first);
                    }
                }

                (available, _available) = (_available, null);
            }

            available?.TrySetResult();
            if (heads.Count == 0)
            {
                // Caught up with everything published so far: the publishers feed it again from the next entry.
                _behind = false;
                _overflowed = false;
            }

            return true;
        }

        /// <summary>Whether it has yet to read the entry <paramref name="id"/> of <paramref name="topic"/> (it is behind).</summary>
        internal bool Needs(string topic, long id) => _cursors.TryGetValue(topic, out var cursor) && cursor < id;

        /// <summary>How long since it last read an entry (or fell behind, whichever came later).</summary>
        internal TimeSpan Quiet()
        {
            lock (_gate)
            {
                return _bus._clock.GetElapsedTime(_lastProgress);
            }
        }

        /// <summary>Whether it is behind its queue and read nothing for <paramref name="timeout"/>.</summary>
        internal bool StalledFor(TimeSpan timeout)
        {
            lock (_gate)
            {
                return _behind && _bus._clock.GetElapsedTime(_lastProgress) > timeout;
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

        /// <summary>
        /// From now on it reads from what its topics retain: every entry up to <paramref name="through"/> of the topics
        /// it follows was queued for it already, so that is where its cursors are (unless it was behind already).
        /// </summary>
        private void FallBehindLocked(long through)
        {
            if (!_behind)
            {
                foreach (var topic in _cursors.Keys)
                {
                    ref var cursor = ref CollectionsMarshal.GetValueRefOrNullRef(_cursors, topic);
                    cursor = Math.Max(cursor, through);
                }

                _behind = true;
            }

            TaskCompletionSource? available;
            lock (_gate)
            {
                (available, _available) = (_available, null);
            }

            available?.TrySetResult();
        }
    }
}
