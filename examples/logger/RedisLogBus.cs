// The logger's bus on Redis Streams (Logger:Bus=redis), hand-written over StreamGen.Runtime.Redis: every instance on the
// same Redis shares the entries, so any instance serves and resumes any client.
using System.Globalization;
using Acme.Logger.Runtime;
using StreamGen.Runtime.Redis;

namespace Acme.Logger;

/// <summary>
/// The bus on Redis: one stream per topic (<c>{logger}:s:TOPIC</c>), entry ids are the Redis stream ids
/// (<c>1732900000000-0</c>: time-ordered, increasing across topics), retention is <see cref="LogBusOptions.Retain"/> per
/// topic. A publish returns once Redis has stored the entry, or fails with <c>unavailable</c> (503, close 1011,
/// <c>UNAVAILABLE</c>). A publish's <c>dropped</c> counts the subscribers of this instance cut off while it ran (those of
/// other instances are theirs to count). Slow subscribers hold no publisher back here: one that falls behind its queue
/// reads from Redis by itself, and is cut off only when it stalls for <see cref="LogBusOptions.SubscriberTimeout"/> or
/// falls behind what the topic retains.
/// </summary>
public sealed class RedisLogBus(RedisStreamBroadcast<LogRecord> broadcast, TimeProvider? clock = null) : ILogBus, IAsyncDisposable
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Live subscriptions of this instance.</summary>
    public int SubscriberCount => broadcast.SubscriberCount;

    /// <summary>Subscribers of this instance cut off since it started.</summary>
    public long CutOff => broadcast.CutOff;

    /// <summary>The record as stored: its id is the stream entry's, set when it is read back.</summary>
    public static LogRecord WithId(LogRecord record, string id) => record with { Id = id };

    public async ValueTask<(LogRecord Record, int CutOff)> PublishAsync(string topic, string message, Level level, CancellationToken cancellationToken = default)
    {
        var before = broadcast.CutOff;
        var record = new LogRecord
        {
            Id = "",
            Timestamp = _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            Topic = topic,
            Message = message,
            Level = level,
        };
        var id = await Translate(() => broadcast.PublishAsync(topic, record, cancellationToken));
        return (record with { Id = id }, (int)(broadcast.CutOff - before));
    }

    public async ValueTask<ILogSubscription> SubscribeAsync(string topic, string? since, CancellationToken cancellationToken = default) =>
        new RedisLogSubscription(await Translate(() => broadcast.SubscribeAsync(topic, since, cancellationToken)));

    public async ValueTask<ILogSubscription> WatchAsync(string? since, CancellationToken cancellationToken = default) =>
        new RedisLogSubscription(await Translate(() => broadcast.SubscribeAsync(since, cancellationToken)));

    public async ValueTask<IReadOnlyList<LogRecord>> RecentAsync(string topic, int limit, CancellationToken cancellationToken = default) =>
        [.. (await Translate(() => broadcast.LatestAsync(topic, limit, cancellationToken))).Select(e => e.Item)];

    public async IAsyncEnumerable<LogRecord> RetainedAsync(string topic, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var entries = broadcast.RetainedAsync(topic, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await Translate(() => entries.MoveNextAsync().AsTask()))
        {
            yield return entries.Current.Item;
        }
    }

    public ValueTask DisposeAsync() => broadcast.DisposeAsync();

    /// <summary>The Redis add-on's errors as the design's (and the runtime's) errors, which every transport maps.</summary>
    internal static async Task<TResult> Translate<TResult>(Func<Task<TResult>> call)
    {
        try
        {
            return await call();
        }
        catch (RedisStreamGoneException e)
        {
            throw LoggerErrors.Gone(e.Message, e);
        }
        catch (RedisStreamUnavailableException e)
        {
            throw LoggerErrors.Unavailable(e.Message, e);
        }
        catch (RedisStreamStalledException e)
        {
            throw new StreamStalledException(e.Message, e);
        }
    }
}
