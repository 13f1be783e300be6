// The in-process log bus of the logger example (hand-written; streamgen never touches it).
using System.Globalization;

namespace Acme.Logger;

/// <summary>Settings of the bus: configuration section "Logger" (e.g. --Logger:Retain=500).</summary>
public sealed class LogBusOptions
{
    /// <summary>Entries each topic retains for recent, download and SSE resumption.</summary>
    public int Retain { get; set; } = 1000;

    /// <summary>Entries queued per subscriber; beyond it the oldest are dropped (and counted) for that subscriber only.</summary>
    public int SubscriberQueue { get; set; } = 1024;
}

/// <summary>
/// One bus for the whole process. Publishing never waits for subscribers: each has its own bounded queue, and a full
/// queue drops its oldest entry, so a slow subscriber slows neither publishers nor other subscribers.
/// </summary>
public sealed class LogBus(Microsoft.Extensions.Options.IOptions<LogBusOptions> options)
{
    private readonly LogBusOptions _options = options.Value;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<LogRecord>> _retained = new(StringComparer.Ordinal);
    private readonly List<Subscription> _subscriptions = [];
    private long _lastId;

    /// <summary>Appends an entry to its topic and hands it to every matching subscriber; returns how many subscribers dropped an entry to take it.</summary>
    public (LogRecord Record, int Dropped) Publish(string topic, string message, Level level)
    {
        Subscription[] subscribers;
        LogRecord record;
        lock (_gate)
        {
            _lastId++;
            record = new LogRecord
            {
                Id = _lastId.ToString(CultureInfo.InvariantCulture),
                Timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                Topic = topic,
                Message = message,
                Level = level,
            };

            if (!_retained.TryGetValue(topic, out var retained))
            {
                retained = new Queue<LogRecord>();
                _retained[topic] = retained;
            }

            retained.Enqueue(record);
            while (retained.Count > _options.Retain)
            {
                retained.Dequeue();
            }

            subscribers = [.. _subscriptions];
        }

        var dropped = 0;
        foreach (var subscription in subscribers)
        {
            if (subscription.Matches(record) && subscription.Offer(record))
            {
                dropped++;
            }
        }

        return (record, dropped);
    }

    /// <summary>Starts receiving the entries published from now on that <paramref name="filter"/> accepts.</summary>
    public Subscription Subscribe(Func<LogRecord, bool> filter)
    {
        var subscription = new Subscription(this, filter, _options.SubscriberQueue);
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
            return _retained.TryGetValue(topic, out var retained) && retained.Count > 0 ? [.. retained] : null;
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    /// <summary>One subscriber's bounded queue. Dispose it to unsubscribe.</summary>
    public sealed class Subscription(LogBus bus, Func<LogRecord, bool> filter, int capacity) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Queue<LogRecord> _queue = new();
        private TaskCompletionSource? _available;

        /// <summary>Entries dropped for this subscriber because its queue was full.</summary>
        public long Dropped { get; private set; }

        public bool Matches(LogRecord record) => filter(record);

        /// <summary>Queues an entry; true when the oldest had to be dropped to make room.</summary>
        public bool Offer(LogRecord record)
        {
            TaskCompletionSource? available;
            var dropped = false;
            lock (_gate)
            {
                if (_queue.Count >= capacity)
                {
                    _queue.Dequeue();
                    Dropped++;
                    dropped = true;
                }

                _queue.Enqueue(record);
                (available, _available) = (_available, null);
            }

            available?.TrySetResult();
            return dropped;
        }

        /// <summary>The entries as they come, until <paramref name="cancellationToken"/> is canceled.</summary>
        public async IAsyncEnumerable<LogRecord> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            while (true)
            {
                LogRecord? record;
                Task? available = null;
                lock (_gate)
                {
                    if (!_queue.TryDequeue(out record))
                    {
                        _available ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        available = _available.Task;
                    }
                }

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

        public void Dispose() => bus.Remove(this);
    }
}
