using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace StreamGen.Runtime.Redis;

/// <summary>
/// The one blocking reader of a process: <c>XREAD BLOCK</c> over every key a local subscriber follows, each after the
/// last id handed out, on a connection of its own (a blocking command holds it); each read's entries, deserialized once,
/// go to <c>deliver</c>. While Redis is unreachable it retries with a backoff up to <see cref="RedisStreamOptions.RetryDelay"/>,
/// logging once per change of state.
/// </summary>
/// <param name="reads">The reader's own connection (see <see cref="RedisStreamBroadcast{T}.Configure"/>).</param>
/// <param name="store">Key names, and entries as items.</param>
/// <param name="options">Batch size, block time and retry delay.</param>
/// <param name="logger">Where changes of Redis' state are logged.</param>
/// <param name="clock">Time for the retry delays.</param>
/// <param name="feeds">The keys to read now (taken under the broadcast's lock; idle ones already dropped).</param>
/// <param name="observeOrigin">Checks the data set's origin read with each batch; false: Redis lost its data, skip the batch.</param>
/// <param name="deliver">Queues a batch for the subscribers of the feeds it was read for.</param>
internal sealed class RedisStreamSharedReader<T>(
    IConnectionMultiplexer reads,
    RedisStreamStore<T> store,
    RedisStreamOptions options,
    ILogger logger,
    TimeProvider clock,
    Func<List<RedisStreamFeed<T>>> feeds,
    Func<RedisValue, bool> observeOrigin,
    Action<List<RedisStreamFeed<T>>, RedisStreamBatch<T>> deliver)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _feedsChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _clientId = -1;
    private bool _reachable = true;

    public async Task RunAsync(CancellationToken stopping)
    {
        var delay = options.RetryDelay / 10;
        while (!stopping.IsCancellationRequested)
        {
            // Taken before the feeds: a key added after this read of them completes it, so the loop sees the key.
            Task changed;
            lock (_gate)
            {
                changed = _feedsChanged.Task;
            }

            var current = feeds();
            if (current.Count == 0)
            {
                try
                {
                    await changed.WaitAsync(stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            RedisValue origin;
            RedisResult result;
            try
            {
                var database = reads.GetDatabase();
                var clientId = _clientId < 0 ? database.ExecuteAsync("CLIENT", "ID") : null;
                var originTask = database.HashGetAsync(store.Meta, "origin");
                var readTask = database.ExecuteAsync("XREAD", XReadArguments(current));
                if (clientId is not null)
                {
                    _clientId = (long)await clientId.ConfigureAwait(false);
                }

                origin = await originTask.ConfigureAwait(false);
                result = await readTask.ConfigureAwait(false);
            }
            catch (Exception e) when (RedisFailures.IsUnavailable(e) || (e is RedisException && stopping.IsCancellationRequested) || e is ObjectDisposedException)
            {
                _clientId = -1;
                if (_reachable)
                {
                    _reachable = false;
                    RedisStreamLog.Unreachable(logger, RedisFailures.Describe(e));
                }

                await PauseAsync(delay, stopping).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.RetryDelay.Ticks));
                continue;
            }
            catch (Exception e)
            {
                RedisStreamLog.ReaderFailed(logger, e);
                await PauseAsync(options.RetryDelay, stopping).ConfigureAwait(false);
                continue;
            }

            delay = options.RetryDelay / 10;
            if (!_reachable)
            {
                _reachable = true;
                RedisStreamLog.Reachable(logger);
            }

            if (!observeOrigin(origin) || result.IsNull)
            {
                continue;
            }

            try
            {
                deliver(current, Parse(result));
            }
            catch (Exception e)
            {
                // A bug or an entry that is not an item: logged, and the reader goes on (it must never stop for all).
                RedisStreamLog.ReaderFailed(logger, e);
                await PauseAsync(options.RetryDelay, stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The feeds changed: read them now rather than when the current block ends.</summary>
    public void Wake()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            (changed, _feedsChanged) = (_feedsChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        changed.TrySetResult();
        if (_clientId >= 0)
        {
            // Ends the reader's current block at once (as if it timed out), so it reads the new key without waiting for it.
            _ = store.Database.ExecuteAsync("CLIENT", "UNBLOCK", _clientId).ContinueWith(
                static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private object[] XReadArguments(List<RedisStreamFeed<T>> current)
    {
        var arguments = new object[5 + (2 * current.Count)];
        arguments[0] = "COUNT";
        arguments[1] = options.ReadBatch;
        arguments[2] = "BLOCK";
        arguments[3] = (long)options.BlockTime.TotalMilliseconds;
        arguments[4] = "STREAMS";
        for (var i = 0; i < current.Count; i++)
        {
            arguments[5 + i] = store.StreamKey(current[i].Key);
            arguments[5 + current.Count + i] = current[i].Position.ToString();
        }

        return arguments;
    }

    /// <summary>An <c>XREAD</c> reply: per stream, its key and its entries (each an id and field/value pairs).</summary>
    private RedisStreamBatch<T> Parse(RedisResult result)
    {
        var batch = new RedisStreamBatch<T>();
        foreach (var stream in (RedisResult[])result!)
        {
            var pair = (RedisResult[])stream!;
            var key = store.KeyOf((string)pair[0]!);
            var entries = (RedisResult[])pair[1]!;
            batch.Add(key, [.. entries.Select(entry => store.Entry(key, (RedisResult[])entry!))], options.ReadBatch);
        }

        return batch;
    }

    private async Task PauseAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, clock, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
