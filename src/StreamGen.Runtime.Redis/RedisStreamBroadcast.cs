using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace StreamGen.Runtime.Redis;

/// <summary>
/// A typed, resumable broadcast over Redis Streams, for the handlers of generated server streams: every process of a
/// service publishes to and reads from the same keys, so any instance serves any subscriber and resumes it after any id
/// Redis still retains.
/// <list type="bullet">
/// <item><see cref="PublishAsync"/> appends an item to a key's stream (one script: <c>XADD</c>, bounded retention) and
/// returns its id once Redis has it.</item>
/// <item><see cref="SubscribeAsync(string, string?, CancellationToken)"/> reads the items after an id, then live, as
/// <c>IAsyncEnumerable&lt;(string Id, T Item)&gt;</c>. One blocking reader per process (<c>XREAD BLOCK</c> over every key a
/// local subscriber follows, on a connection of its own) feeds all local subscribers; a subscriber that falls behind
/// reads with <c>XRANGE</c> until it has caught up.</item>
/// <item><see cref="LatestAsync"/> and <see cref="RetainedAsync"/> read what a key retains (<c>XREVRANGE</c>, <c>XRANGE</c>).</item>
/// </list>
/// Items are JSON, written and read with the service's source-generated <see cref="JsonTypeInfo{T}"/>. Ids are Redis
/// stream ids (<c>ms-seq</c>) that increase across all keys of the broadcast. Failures: <see cref="RedisStreamUnavailableException"/>
/// (Redis unreachable: nothing acknowledged), <see cref="RedisStreamGoneException"/> (an id that cannot be resumed
/// without a gap), <see cref="RedisStreamStalledException"/> (a subscriber cut off). While Redis is unreachable,
/// subscribers wait and continue after their last entry once it is back; if Redis lost its data meanwhile (a restart
/// without persistence), they end with <see cref="RedisStreamGoneException"/>.
/// </summary>
public sealed class RedisStreamBroadcast<T> : IAsyncDisposable
{
    private readonly IConnectionMultiplexer _commands;
    private readonly IConnectionMultiplexer _reads;
    private readonly bool _ownsConnections;
    private readonly RedisStreamStore<T> _store;
    private readonly RedisStreamSharedReader<T> _sharedReader;
    private readonly RedisStreamOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RedisStreamFeed<T>> _feeds = new(StringComparer.Ordinal);
    private readonly HashSet<RedisStreamSubscription<T>> _subscriptions = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _reader;
    private readonly Task _watchdog;
    private string? _origin;
    private long _cutOff;

    /// <summary>
    /// A broadcast on two connections to the same Redis: <paramref name="commands"/> for publishes and range reads,
    /// <paramref name="reads"/> for the shared blocking reader alone (a blocking command holds its connection). Use
    /// <see cref="ConnectAsync"/> to have both made with the settings the broadcast expects. <paramref name="withId"/>, when
    /// given, is applied once to each item read, with its id (to store the id in the item, as the logger's records carry it).
    /// </summary>
    public RedisStreamBroadcast(IConnectionMultiplexer commands, IConnectionMultiplexer reads, JsonTypeInfo<T> typeInfo, RedisStreamOptions? options = null, ILogger? logger = null, TimeProvider? clock = null, Func<T, string, T>? withId = null)
        : this(commands, reads, typeInfo, options, logger, clock, withId, ownsConnections: false)
    {
    }

    private RedisStreamBroadcast(IConnectionMultiplexer commands, IConnectionMultiplexer reads, JsonTypeInfo<T> typeInfo, RedisStreamOptions? options, ILogger? logger, TimeProvider? clock, Func<T, string, T>? withId, bool ownsConnections)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(typeInfo);
        _options = options ?? new RedisStreamOptions();
        _options.Validate();
        _commands = commands;
        _reads = reads;
        _logger = logger ?? NullLogger.Instance;
        _clock = clock ?? TimeProvider.System;
        _ownsConnections = ownsConnections;
        _store = new RedisStreamStore<T>(commands, typeInfo, _options, withId);
        _sharedReader = new RedisStreamSharedReader<T>(reads, _store, _options, _logger, _clock, TakeFeeds, ObserveOrigin, Deliver);
        _reader = Task.Run(() => _sharedReader.RunAsync(_stopping.Token));
        _watchdog = Task.Run(WatchSubscribersAsync);
    }

    /// <summary>Local subscriptions (a diagnostic: it returns to zero when every subscriber has gone).</summary>
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

    /// <summary>Local subscribers cut off since the broadcast started (take the difference around a publish to count its drops).</summary>
    public long CutOff => Interlocked.Read(ref _cutOff);

    /// <summary>
    /// Connects to Redis (a StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>) with two connections
    /// that start and reconnect in the background while Redis is down, and fail a command at once rather than queue it
    /// while disconnected.
    /// </summary>
    public static async Task<RedisStreamBroadcast<T>> ConnectAsync(string configuration, JsonTypeInfo<T> typeInfo, RedisStreamOptions? options = null, ILogger? logger = null, TimeProvider? clock = null, Func<T, string, T>? withId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        options ??= new RedisStreamOptions();
        options.Validate();
        var commands = await ConnectionMultiplexer.ConnectAsync(Configure(configuration, block: null)).ConfigureAwait(false);
        var reads = await ConnectionMultiplexer.ConnectAsync(Configure(configuration, options.BlockTime)).ConfigureAwait(false);
        return new RedisStreamBroadcast<T>(commands, reads, typeInfo, options, logger, clock, withId, ownsConnections: true);
    }

    /// <summary>
    /// The connection settings the broadcast expects over <paramref name="configuration"/>: no failure at start while
    /// Redis is down, commands failed at once while disconnected, and for the blocking reader's connection
    /// (<paramref name="block"/>) a timeout longer than the block.
    /// </summary>
    public static ConfigurationOptions Configure(string configuration, TimeSpan? block)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // CLIENT UNBLOCK, to wake the shared reader when a key is added.
        options.AllowAdmin = true;
        // No pub/sub: without SUBSCRIBE, StackExchange.Redis opens no second connection per multiplexer.
        options.CommandMap = CommandMap.Create(new HashSet<string> { "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE" }, available: false);
        options.ClientName ??= block is null ? "streamgen" : "streamgen-reader";
        if (block is { } time)
        {
            options.AsyncTimeout = Math.Max(options.AsyncTimeout, (int)time.TotalMilliseconds + 5000);
            options.SyncTimeout = Math.Max(options.SyncTimeout, (int)time.TotalMilliseconds + 5000);
        }

        return options;
    }

    /// <summary>
    /// Appends <paramref name="item"/> to <paramref name="key"/>'s stream and returns its id once Redis has stored it.
    /// Throws <see cref="RedisStreamUnavailableException"/> when Redis cannot be reached or does not answer in time.
    /// </summary>
    public async Task<string> PublishAsync(string key, T item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return await _store.PublishAsync(key, item).ConfigureAwait(false);
    }

    /// <summary>
    /// A subscription to no key yet (add keys with <see cref="RedisStreamSubscription{T}.AddAsync"/>): entries published
    /// from now on or, with <paramref name="after"/>, the retained entries after that id first. Throws
    /// <see cref="RedisStreamGoneException"/> for an id that is not one issued in this Redis data set.
    /// </summary>
    public async Task<RedisStreamSubscription<T>> SubscribeAsync(string? after, CancellationToken cancellationToken = default)
    {
        var (origin, last) = await _store.MetaAsync(cancellationToken).ConfigureAwait(false);
        ObserveOrigin(origin);
        var start = last;
        if (after is not null)
        {
            if (!RedisStreamId.TryParse(after, out start))
            {
                throw new RedisStreamGoneException($"'{after}' is not an entry id (milliseconds-sequence): entries after it cannot be found");
            }

            if (start != RedisStreamId.Zero && (origin is not { } first || start < first || start > last))
            {
                throw new RedisStreamGoneException($"entry id '{after}' was not issued by this store (its entries run from {origin?.ToString() ?? "none"} to {last}): entries after it cannot be replayed");
            }
        }

        var subscription = new RedisStreamSubscription<T>(this, start, after is not null, _options.SubscriberQueue, _clock);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>A subscription to one key (see <see cref="SubscribeAsync(string?, CancellationToken)"/>).</summary>
    public async Task<RedisStreamSubscription<T>> SubscribeAsync(string key, string? after, CancellationToken cancellationToken = default)
    {
        var subscription = await SubscribeAsync(after, cancellationToken).ConfigureAwait(false);
        try
        {
            await subscription.AddAsync(key, cancellationToken).ConfigureAwait(false);
            return subscription;
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    /// <summary>The entries of one key after <paramref name="after"/> (or from now on), then live, until canceled.</summary>
    public async IAsyncEnumerable<(string Id, T Item)> ReadAsync(string key, string? after, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var subscription = await SubscribeAsync(key, after, cancellationToken).ConfigureAwait(false);
        await foreach (var entry in subscription.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    /// <summary>The last <paramref name="count"/> entries <paramref name="key"/> retains, oldest first (<c>XREVRANGE</c>).</summary>
    public async Task<IReadOnlyList<(string Id, T Item)>> LatestAsync(string key, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return await _store.LatestAsync(key, count).ConfigureAwait(false);
    }

    /// <summary>Every entry <paramref name="key"/> retains, oldest first, read a batch at a time (<c>XRANGE</c>).</summary>
    public IAsyncEnumerable<(string Id, T Item)> RetainedAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _store.RetainedAsync(key, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_reader, _watchdog).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Fail(new ObjectDisposedException(GetType().Name, "the broadcast was disposed"));
            }
        }

        if (_ownsConnections)
        {
            await _commands.DisposeAsync().ConfigureAwait(false);
            await _reads.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    internal async Task AddAsync(RedisStreamSubscription<T> subscription, string key, CancellationToken cancellationToken)
    {
        bool replay;
        lock (_gate)
        {
            if (subscription.Closed || subscription.Cursors.ContainsKey(key))
            {
                return;
            }

            replay = subscription.Replay && !subscription.Replayed.Contains(key);
        }

        RedisStreamId position;
        if (replay)
        {
            position = subscription.Start;
            var trimmed = await _store.TrimmedAsync(key).ConfigureAwait(false);
            if (trimmed > position)
            {
                throw new RedisStreamGoneException($"entries of '{key}' after {position} are no longer retained (those up to {trimmed} were trimmed)");
            }
        }
        else
        {
            var (origin, last) = await _store.MetaAsync(cancellationToken).ConfigureAwait(false);
            ObserveOrigin(origin);
            position = last;
        }

        lock (_gate)
        {
            if (subscription.Closed || subscription.Cursors.ContainsKey(key))
            {
                return;
            }

            if (replay)
            {
                subscription.Replayed.Add(key);
            }

            subscription.Cursors[key] = new RedisStreamCursor(position, replay);
        }

        // It reads what it has to catch up on (nothing, if no entry came meanwhile), then joins the shared reader.
        subscription.SetBehind(true);
    }

    internal void Remove(RedisStreamSubscription<T> subscription, string key)
    {
        lock (_gate)
        {
            if (subscription.Cursors.Remove(key, out var cursor) && cursor.Live && _feeds.TryGetValue(key, out var feed))
            {
                feed.Live.Remove(subscription);
            }
        }
    }

    internal void Unsubscribe(RedisStreamSubscription<T> subscription)
    {
        lock (_gate)
        {
            Detach(subscription);
            _subscriptions.Remove(subscription);
            subscription.Close();
        }
    }

    /// <summary>
    /// Reads, for a subscriber that is behind, the entries of its keys after its cursors (<c>XRANGE</c>, a batch a key),
    /// queues them in id order, and hands each key whose end it reached to the shared reader. While Redis is unreachable
    /// it waits and returns (the subscriber asks again).
    /// </summary>
    internal async Task CatchUpAsync(RedisStreamSubscription<T> subscription, CancellationToken cancellationToken)
    {
        List<(string Key, RedisStreamId Position, bool Resuming)> behind;
        lock (_gate)
        {
            behind = [.. subscription.Cursors.Where(c => !c.Value.Live).Select(c => (c.Key, c.Value.Position, c.Value.Resuming))];
        }

        if (behind.Count == 0)
        {
            subscription.SetBehind(false);
            return;
        }

        RedisValue origin;
        RedisStreamId[] trimmed;
        RedisStreamEntry<T>[][] ranges;
        try
        {
            (origin, trimmed, ranges) = await _store.CatchUpReadAsync([.. behind.Select(b => (b.Key, b.Position))]).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailures.IsUnavailable(e))
        {
            await Task.Delay(_options.RetryDelay / 4, _clock, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!ObserveOrigin(origin))
        {
            return;
        }

        for (var i = 0; i < behind.Count; i++)
        {
            if (trimmed[i] > behind[i].Position)
            {
                lock (_gate)
                {
                    Detach(subscription);
                }

                // Trimmed before it read them: the id it resumes after is gone, or it read too slowly to keep up.
                if (!behind[i].Resuming)
                {
                    Interlocked.Increment(ref _cutOff);
                }

                subscription.Fail(behind[i].Resuming
                    ? new RedisStreamGoneException($"entries of '{behind[i].Key}' after {behind[i].Position} are no longer retained")
                    : new RedisStreamStalledException($"the subscriber fell behind the {_options.Retain} entries '{behind[i].Key}' retains; the stream is cut off"));
                return;
            }
        }

        var batch = new RedisStreamBatch<T>();
        for (var i = 0; i < behind.Count; i++)
        {
            batch.Add(behind[i].Key, ranges[i], _options.ReadBatch);
        }

        var wake = false;
        lock (_gate)
        {
            if (subscription.Closed)
            {
                return;
            }

            foreach (var entry in batch.InOrder())
            {
                if (subscription.Cursors.TryGetValue(entry.Key, out var cursor) && !cursor.Live && entry.Id > cursor.Position)
                {
                    subscription.Enqueue(entry);
                    cursor.Position = entry.Id;
                    cursor.Resuming = false;
                }
            }

            for (var i = 0; i < behind.Count; i++)
            {
                if (!batch.Keys[i].Complete || !subscription.Cursors.TryGetValue(behind[i].Key, out var cursor) || cursor.Live)
                {
                    continue;
                }

                if (!_feeds.TryGetValue(behind[i].Key, out var feed))
                {
                    feed = new RedisStreamFeed<T>(behind[i].Key, cursor.Position);
                    _feeds[behind[i].Key] = feed;
                    wake = true;
                }

                // Entries up to the feed's position were handed out before it joined: it reads them itself first.
                if (cursor.Position >= feed.Position)
                {
                    cursor.Live = true;
                    cursor.Resuming = false;
                    feed.Live.Add(subscription);
                }
            }

            subscription.SetBehind(subscription.Cursors.Values.Any(c => !c.Live));
        }

        if (wake)
        {
            _sharedReader.Wake();
        }
    }

    /// <summary>The keys the shared reader follows now, without those no subscriber is fed by any more.</summary>
    private List<RedisStreamFeed<T>> TakeFeeds()
    {
        lock (_gate)
        {
            foreach (var idle in _feeds.Values.Where(f => f.Live.Count == 0).ToList())
            {
                _feeds.Remove(idle.Key);
            }

            return [.. _feeds.Values];
        }
    }

    /// <summary>Queues what the shared reader read for <paramref name="feeds"/> to their subscribers, in id order.</summary>
    private void Deliver(List<RedisStreamFeed<T>> feeds, RedisStreamBatch<T> batch)
    {
        List<RedisStreamSubscription<T>>? behind = null;
        lock (_gate)
        {
            foreach (var entry in batch.InOrder())
            {
                if (!_feeds.TryGetValue(entry.Key, out var feed) || !feeds.Contains(feed) || entry.Id <= feed.Position)
                {
                    continue;
                }

                feed.Position = entry.Id;
                foreach (var subscription in feed.Live)
                {
                    var cursor = subscription.Cursors[entry.Key];
                    if (entry.Id <= cursor.Position)
                    {
                        continue;
                    }

                    if (subscription.TryEnqueue(entry))
                    {
                        cursor.Position = entry.Id;
                    }
                    else
                    {
                        (behind ??= []).Add(subscription);
                    }
                }

                foreach (var subscription in behind ?? [])
                {
                    // Its queue is full: it reads from Redis by itself from its cursors on, and holds nobody back.
                    subscription.Demoted = true;
                    Detach(subscription);
                    subscription.SetBehind(true);
                }

                behind?.Clear();
            }
        }
    }

    /// <summary>Takes a subscriber out of every feed (under the lock): the shared reader queues nothing more for it.</summary>
    private void Detach(RedisStreamSubscription<T> subscription)
    {
        foreach (var (key, cursor) in subscription.Cursors)
        {
            if (cursor.Live && _feeds.TryGetValue(key, out var feed))
            {
                feed.Live.Remove(subscription);
            }

            cursor.Live = false;
        }
    }

    /// <summary>Cuts off subscribers that are behind and make no progress (none of them holds anyone back, but they would hold memory and a connection).</summary>
    private async Task WatchSubscribersAsync()
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(20).Ticks, _options.SubscriberTimeout.Ticks / 4));
        using var timer = new PeriodicTimer(period, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                List<RedisStreamSubscription<T>>? stalled = null;
                lock (_gate)
                {
                    foreach (var subscription in _subscriptions)
                    {
                        if (subscription.IsStalled(_options.SubscriberTimeout))
                        {
                            Detach(subscription);
                            (stalled ??= []).Add(subscription);
                        }
                    }
                }

                foreach (var subscription in stalled ?? [])
                {
                    Interlocked.Increment(ref _cutOff);
                    subscription.Fail(new RedisStreamStalledException(string.Create(
                        System.Globalization.CultureInfo.InvariantCulture,
                        $"the subscriber fell behind and read nothing for {_options.SubscriberTimeout.TotalSeconds:0.###} s; the stream is cut off")));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Checks that Redis still holds the data set this process has been reading (its first id, kept by the publish
    /// script): when it changed or vanished, Redis lost entries (a restart without persistence), so every subscriber is
    /// closed as gone rather than continued past a gap. False when that happened.
    /// </summary>
    private bool ObserveOrigin(RedisValue origin) => ObserveOrigin(origin.IsNull ? null : (string?)origin);

    private bool ObserveOrigin(RedisStreamId? origin) => ObserveOrigin(origin?.ToString());

    private bool ObserveOrigin(string? current)
    {
        List<RedisStreamSubscription<T>> lost;
        string previous;
        lock (_gate)
        {
            if (_origin == current || _origin is null)
            {
                _origin = current;
                return true;
            }

            previous = _origin;
            _origin = current;
            lost = [.. _subscriptions];
            foreach (var subscription in lost)
            {
                Detach(subscription);
            }

            _feeds.Clear();
        }

        RedisStreamLog.DataSetLost(_logger, current ?? "none", previous, lost.Count);
        foreach (var subscription in lost)
        {
            subscription.Fail(new RedisStreamGoneException($"Redis lost the entries after the subscriber's last one (its data set now starts at {current ?? "nothing"}, was {previous}): resuming would skip entries"));
        }

        return false;
    }
}
