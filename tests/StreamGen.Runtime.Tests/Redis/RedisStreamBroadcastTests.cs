using StackExchange.Redis;
using StreamGen.Runtime.Redis;

namespace StreamGen.Runtime.Tests.Redis;

/// <summary>
/// The Redis broadcast against a real redis-server: two broadcasts on one Redis stand for two processes of a service.
/// </summary>
public sealed class RedisStreamBroadcastTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<IAsyncDisposable> _owned = [];
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Every_subscriber_of_every_process_gets_every_entry_once_in_id_order()
    {
        var options = new RedisStreamOptions { Retain = 5000 };
        var (first, second) = (await BroadcastAsync(options), await BroadcastAsync(options));
        using var here = await first.SubscribeAsync("sensors", after: null);
        using var there = await second.SubscribeAsync("sensors", after: null);
        using var other = await second.SubscribeAsync("other", after: null);

        var published = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            published.Add(await (i % 2 == 0 ? first : second).PublishAsync("sensors", new Reading("s", i)));
        }

        await first.PublishAsync("other", new Reading("o", -1));
        var seenHere = await TakeAsync(here, 2000);
        var seenThere = await TakeAsync(there, 2000);

        Assert.Equal(Enumerable.Range(0, 2000), seenHere.Select(e => e.Item.Value));
        Assert.Equal(published, seenHere.Select(e => e.Id));
        Assert.Equal(published, seenThere.Select(e => e.Id));
        Assert.Equal([-1], (await TakeAsync(other, 1)).Select(e => e.Item.Value));
        Assert.True(published.Select(RedisStreamId.Parse).Zip(published.Skip(1).Select(RedisStreamId.Parse)).All(p => p.First < p.Second));
    }

    [Fact]
    public async Task Ids_increase_across_keys_so_one_id_resumes_several_keys()
    {
        var broadcast = await BroadcastAsync();
        var ids = new List<RedisStreamId>();
        for (var i = 0; i < 300; i++)
        {
            ids.Add(RedisStreamId.Parse(await broadcast.PublishAsync($"k{i % 3}", new Reading("s", i))));
        }

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // After the 100th entry: each key replays what followed it, in order.
        using var watch = await broadcast.SubscribeAsync(ids[99].ToString());
        await watch.AddAsync("k0");
        await watch.AddAsync("k1");
        var replayed = await TakeAsync(watch, 200 * 2 / 3);
        Assert.Equal(
            Enumerable.Range(100, 200).Where(i => i % 3 != 2).Order(),
            replayed.Select(e => e.Item.Value).Order());
        Assert.All(replayed.GroupBy(e => e.Item.Value % 3), g => Assert.Equal(g.Select(e => e.Item.Value).Order(), g.Select(e => e.Item.Value)));
    }

    [Fact]
    public async Task A_subscriber_resumes_after_an_id_on_another_process_without_gap_or_duplicate()
    {
        var (first, second) = (await BroadcastAsync(), await BroadcastAsync());
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await first.PublishAsync("t", new Reading("s", i)));
        }

        using var resumed = await second.SubscribeAsync("t", ids[19]);
        var live = Task.Run(async () =>
        {
            for (var i = 50; i < 100; i++)
            {
                await first.PublishAsync("t", new Reading("s", i));
            }
        });
        var seen = await TakeAsync(resumed, 80);
        await live;

        Assert.Equal(Enumerable.Range(20, 80), seen.Select(e => e.Item.Value));
        Assert.Equal(ids[20..], seen.Take(30).Select(e => e.Id));
    }

    [Fact]
    public async Task An_id_that_cannot_be_resumed_without_a_gap_is_gone()
    {
        var broadcast = await BroadcastAsync(new RedisStreamOptions { Retain = 10, RetainSlack = 1 });
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await broadcast.PublishAsync("t", new Reading("s", i)));
        }

        var latest = await broadcast.LatestAsync("t", 100);
        Assert.InRange(latest.Count, 10, 11);
        Assert.Equal(ids[^latest.Count..], latest.Select(e => e.Id));
        Assert.Equal(latest, await broadcast.RetainedAsync("t").ToListAsync());

        // Retained: the entry before the oldest retained one was the last trimmed, so resuming after it loses nothing.
        var oldest = ids.Count - latest.Count;
        using (var fine = await broadcast.SubscribeAsync("t", ids[oldest - 1]))
        {
            Assert.Equal(ids[oldest..], (await TakeAsync(fine, latest.Count)).Select(e => e.Id));
        }

        foreach (var after in new[] { ids[oldest - 2], ids[0], "0", "not-an-id", "12x", "99999999999999-0" })
        {
            await Assert.ThrowsAsync<RedisStreamGoneException>(() => broadcast.SubscribeAsync("t", after));
        }

        // Another key: nothing of it was trimmed, so an id of the first key resumes it.
        await broadcast.PublishAsync("u", new Reading("u", 1));
        using var other = await broadcast.SubscribeAsync("u", ids[0]);
        Assert.Equal([1], (await TakeAsync(other, 1)).Select(e => e.Item.Value));
    }

    [Fact]
    public async Task A_slow_subscriber_holds_nobody_back_and_still_gets_every_entry_in_order()
    {
        var broadcast = await BroadcastAsync(new RedisStreamOptions { SubscriberQueue = 4, ReadBatch = 16, Retain = 5000 });
        using var slow = await broadcast.SubscribeAsync("t", after: null);
        using var fast = await broadcast.SubscribeAsync("t", after: null);
        var fastSeen = TakeAsync(fast, 500);
        for (var i = 0; i < 500; i++)
        {
            await broadcast.PublishAsync("t", new Reading("s", i));
        }

        Assert.Equal(Enumerable.Range(0, 500), (await fastSeen).Select(e => e.Item.Value));
        Assert.True(slow.Queued <= 4);
        Assert.Equal(Enumerable.Range(0, 500), (await TakeAsync(slow, 500)).Select(e => e.Item.Value));
        Assert.Equal(0, broadcast.CutOff);
    }

    [Fact]
    public async Task A_subscriber_that_falls_behind_and_stalls_is_cut_off()
    {
        var broadcast = await BroadcastAsync(new RedisStreamOptions { SubscriberQueue = 2, SubscriberTimeout = TimeSpan.FromMilliseconds(300) });
        using var stalled = await broadcast.SubscribeAsync("t", after: null);
        using var reading = await broadcast.SubscribeAsync("t", after: null);
        var readingSeen = TakeAsync(reading, 21);
        var stalledEntries = stalled.ReadAllAsync().GetAsyncEnumerator();
        var first = stalledEntries.MoveNextAsync().AsTask();
        await broadcast.PublishAsync("t", new Reading("s", -1));
        Assert.True(await first);

        // It took one entry and then reads nothing more while twenty come.
        for (var i = 0; i < 20; i++)
        {
            await broadcast.PublishAsync("t", new Reading("s", i));
        }

        Assert.Equal(21, (await readingSeen).Count);
        await WaitUntilAsync(() => broadcast.CutOff == 1);
        var error = await Assert.ThrowsAsync<RedisStreamStalledException>(async () =>
        {
            while (await stalledEntries.MoveNextAsync())
            {
            }
        });
        await stalledEntries.DisposeAsync();
        Assert.Contains("read nothing for 0.3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_subscribers_of_a_process_share_one_reader_connection()
    {
        var broadcast = await BroadcastAsync();
        var before = await ConnectedClientsAsync();
        var subscriptions = new List<RedisStreamSubscription<Reading>>();
        for (var i = 0; i < 50; i++)
        {
            subscriptions.Add(await broadcast.SubscribeAsync($"k{i % 5}", after: null));
        }

        await broadcast.PublishAsync("k0", new Reading("s", 1));
        foreach (var subscription in subscriptions.Where((_, i) => i % 5 == 0))
        {
            Assert.Single(await TakeAsync(subscription, 1));
        }

        // Two connections for the process, whatever its subscribers: commands, and the shared blocking reader.
        Assert.Equal(2, before);
        Assert.Equal(before, await ConnectedClientsAsync());
        Assert.Equal(50, broadcast.SubscriberCount);
        subscriptions.ForEach(s => s.Dispose());
        Assert.Equal(0, broadcast.SubscriberCount);
    }

    [Fact]
    public async Task While_Redis_is_unreachable_publishes_fail_and_subscribers_continue_after_their_last_entry()
    {
        var broadcast = await BroadcastAsync(configuration: $"{_redis.Configuration},asyncTimeout=500,syncTimeout=500");
        using var subscriber = await broadcast.SubscribeAsync("t", after: null);
        for (var i = 0; i < 10; i++)
        {
            await broadcast.PublishAsync("t", new Reading("s", i));
        }

        Assert.Equal(10, (await TakeAsync(subscriber, 10)).Count);
        _redis.Freeze();
        try
        {
            await Assert.ThrowsAsync<RedisStreamUnavailableException>(() => broadcast.PublishAsync("t", new Reading("s", -1)));
        }
        finally
        {
            _redis.Thaw();
        }

        // The refused publish may have been stored (only its answer was lost): never lost, at most delivered.
        for (var i = 10; i < 20; i++)
        {
            await RetryAsync(() => broadcast.PublishAsync("t", new Reading("s", i)));
        }

        var after = (await TakeUntilAsync(subscriber, e => e.Item.Value == 19)).Select(e => e.Item.Value).Where(v => v >= 0);
        Assert.Equal(Enumerable.Range(10, 10), after);
    }

    [Fact]
    public async Task When_Redis_loses_its_data_subscribers_end_as_gone_and_the_broadcast_serves_again()
    {
        var broadcast = await BroadcastAsync();
        using var subscriber = await broadcast.SubscribeAsync("t", after: null);
        var last = "";
        for (var i = 0; i < 5; i++)
        {
            last = await broadcast.PublishAsync("t", new Reading("s", i));
        }

        Assert.Equal(5, (await TakeAsync(subscriber, 5)).Count);
        _redis.Kill();
        await Assert.ThrowsAsync<RedisStreamUnavailableException>(() => broadcast.PublishAsync("t", new Reading("s", -1)));
        await _redis.StartAgainAsync();

        var error = await Assert.ThrowsAsync<RedisStreamGoneException>(() => TakeAsync(subscriber, 1));
        Assert.Contains("Redis lost the entries", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RedisStreamGoneException>(() => RetryAsync(() => broadcast.SubscribeAsync("t", last)));

        using var fresh = await RetryAsync(() => broadcast.SubscribeAsync("t", after: null));
        await broadcast.PublishAsync("t", new Reading("s", 100));
        Assert.Equal([100], (await TakeAsync(fresh, 1)).Select(e => e.Item.Value));
    }

    private async Task<RedisStreamBroadcast<Reading>> BroadcastAsync(RedisStreamOptions? options = null, string? configuration = null)
    {
        var broadcast = await RedisStreamBroadcast<Reading>.ConnectAsync(configuration ?? _redis.Configuration, ReadingJsonContext.Default.Reading, options);
        _owned.Add(broadcast);
        return broadcast;
    }

    private async Task<long> ConnectedClientsAsync()
    {
        // One connection of its own (no pub/sub), left out of the count.
        await using var admin = await ConnectionMultiplexer.ConnectAsync(RedisStreamBroadcast<Reading>.Configure(_redis.Configuration, block: null));
        var info = await admin.GetServer(_redis.Configuration).InfoAsync("clients");
        return long.Parse(info.SelectMany(g => g).Single(p => p.Key == "connected_clients").Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
    }

    private static Task<List<(string Id, Reading Item)>> TakeAsync(RedisStreamSubscription<Reading> subscription, int count) =>
        TakeUntilAsync(subscription, count: count);

    private static async Task<List<(string Id, Reading Item)>> TakeUntilAsync(RedisStreamSubscription<Reading> subscription, Func<(string Id, Reading Item), bool>? last = null, int count = int.MaxValue)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var seen = new List<(string Id, Reading Item)>();
        await foreach (var entry in subscription.ReadAllAsync(timeout.Token))
        {
            seen.Add(entry);
            if (seen.Count == count || last?.Invoke(entry) == true)
            {
                break;
            }
        }

        return seen;
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RedisStreamUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(20);
        }
    }
}
