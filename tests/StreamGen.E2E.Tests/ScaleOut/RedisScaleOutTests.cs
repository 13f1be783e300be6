using System.Globalization;
using Acme.Logger;
using Acme.Logger.Runtime;
using StreamGen.Runtime.Redis;
using StreamGen.Runtime.Tests.Redis;

namespace StreamGen.E2E.Tests.ScaleOut;

/// <summary>
/// The logger scaled out on Redis (issue #14): several processes of the example on one real redis-server serve the same
/// entries over every transport, resume any client after any retained id, and survive Redis going away. The entry count
/// is 10,000 by default; STREAMGEN_SCALE_OUT_ENTRIES runs a bigger variant.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class RedisScaleOutTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private RedisServer _redis = null!;

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("STREAMGEN_SCALE_OUT_ENTRIES"), CultureInfo.InvariantCulture, out var count) ? count : 10_000;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Three_instances_deliver_every_entry_once_in_id_order_and_a_killed_one_resumes_with_since()
    {
        var count = Count;
        var instances = await RedisLogger.StartAsync(3, _redis.Configuration, $"--Logger:Retain={count * 2}");
        await using var a = instances[0];
        await using var b = instances[1];
        await using var c = instances[2];
        var topic = $"scale-{Guid.NewGuid():N}"[..16];

        // Readers: a WebSocket subscribe on the second, SSE events and a gRPC subscribe on the third.
        var webSocket = new ReaderLog();
        var serverSentEvents = new ReaderLog();
        var grpc = new ReaderLog();
        var bSubscription = await b.Http().SubscribeAsync(new SubscribePayload { Topic = topic });
        await using var events = await c.Http().EventsAsync(new EventsPayload { Topic = topic });
        await using var grpcSubscription = await c.Grpc().SubscribeAsync(new SubscribePayload { Topic = topic });
        var sseReader = serverSentEvents.ReadAsync(events.ReadAllAsync().Select(e => (e.Id, e.Message)), count + 1);
        var grpcReader = grpc.ReadAsync(grpcSubscription.ReadAllAsync().Select(e => (e.Id!, e.Message)), count + 1);

        // The first entry, once every reader has it, shows each subscription is in place before the 10,000 start.
        await using (var warmUp = await a.Http().PublishAsync())
        {
            await warmUp.SendAsync(new LogEntry { Topic = topic, Message = "ready" });
            Assert.Equal(1, (await warmUp.CloseAndRecvAsync()).Count);
        }

        // The second instance is killed once its subscriber has a third of the entries, started again, and the subscriber
        // resumes there with since = the last id it saw.
        var bReader = Task.Run(async () =>
        {
            try
            {
                await webSocket.ReadAsync(bSubscription.ReadAllAsync().Select(e => (e.Id!, e.Message)), count / 3);
            }
            finally
            {
                await bSubscription.DisposeAsync();
            }

            await b.KillAsync();
            await b.StartAgainAsync();
            await using var resumed = await b.Http().SubscribeAsync(new SubscribePayload { Topic = topic, Since = webSocket.LastId });
            await webSocket.ReadAsync(resumed.ReadAllAsync().Select(e => (e.Id!, e.Message)), count + 1);
        });

        long acknowledged;
        await using (var publisher = await a.Http().PublishAsync())
        {
            for (var i = 0; i < count; i++)
            {
                await publisher.SendAsync(new LogEntry { Topic = topic, Message = $"m{i}" });
            }

            acknowledged = (await publisher.CloseAndRecvAsync()).Count;
        }

        await Task.WhenAll(bReader, sseReader, grpcReader).WaitAsync(Patience);

        Assert.Equal(count, acknowledged);
        var expected = new[] { "ready" }.Concat(Enumerable.Range(0, count).Select(i => $"m{i}")).ToList();
        foreach (var (name, log) in new[] { ("WebSocket on the killed and restarted instance", webSocket), ("SSE", serverSentEvents), ("gRPC", grpc) })
        {
            Assert.True(expected.SequenceEqual(log.Messages), $"{name}: {log.Describe(expected)}");
            Assert.True(log.IdsIncrease, $"{name}: ids out of order");
        }

        Assert.Equal(serverSentEvents.Ids, webSocket.Ids);
        Assert.Equal(serverSentEvents.Ids, grpc.Ids);

        // The publishing instance is killed after its acknowledgement: nothing it acknowledged is lost, any instance serves it.
        await a.KillAsync();
        var download = await new HttpClient().GetStringAsync(new Uri($"http://127.0.0.1:{c.HttpPort}/logs/{topic}/archive"));
        Assert.Equal(count + 1, download.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var recent = await b.Http().RecentAsync(new RecentPayload { Topic = topic, Limit = 3 });
        Assert.Equal(serverSentEvents.Ids[^3..], recent.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task When_Redis_goes_away_publishers_get_unavailable_subscribers_continue_or_end_as_gone_and_nothing_crashes()
    {
        // A short command timeout, so a publish to a frozen Redis fails in a second rather than five.
        var configuration = $"{_redis.Configuration},asyncTimeout=1000,syncTimeout=1000";
        var instances = await RedisLogger.StartAsync(2, configuration);
        await using var a = instances[0];
        await using var b = instances[1];
        var topic = $"faults-{Guid.NewGuid():N}"[..16];

        var webSocket = new ReaderLog();
        var serverSentEvents = new ReaderLog();
        var grpc = new ReaderLog();
        await using var bSubscription = await b.Http().SubscribeAsync(new SubscribePayload { Topic = topic });
        await using var events = await a.Http().EventsAsync(new EventsPayload { Topic = topic });
        await using var grpcSubscription = await a.Grpc().SubscribeAsync(new SubscribePayload { Topic = topic });
        var readers = new[]
        {
            webSocket.ReadAsync(bSubscription.ReadAllAsync().Select(e => (e.Id!, e.Message)), int.MaxValue),
            serverSentEvents.ReadAsync(events.ReadAllAsync().Select(e => (e.Id, e.Message)), int.MaxValue),
            grpc.ReadAsync(grpcSubscription.ReadAllAsync().Select(e => (e.Id!, e.Message)), int.MaxValue),
        };

        var acknowledged = new List<string>();
        await PublishAsync(a, topic, "ready", acknowledged);
        await WaitUntilAsync(() => webSocket.Count == 1 && serverSentEvents.Count == 1 && grpc.Count == 1);
        for (var i = 0; i < 50; i++)
        {
            await PublishAsync(i % 2 == 0 ? a : b, topic, $"before-{i}", acknowledged);
        }

        // 1. Redis unreachable for a few seconds (frozen: its connections stay open, nothing answers).
        _redis.Freeze();
        try
        {
            var upload = await new HttpClient().PostAsync(
                new Uri($"http://127.0.0.1:{a.HttpPort}/logs/{topic}/archive?api_key={RedisLogger.ApiKey}"), new StringContent("{\"message\":\"frozen-upload\"}\n"));
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, upload.StatusCode);
            Assert.Contains("\"name\":\"unavailable\"", await upload.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var closed = await AssertPublishUnavailableAsync(b.Http(), topic, "frozen-websocket");
            Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.InternalServerError, Assert.IsType<StreamClosedException>(closed).CloseStatus);
            var status = await AssertPublishUnavailableAsync(a.Grpc(), topic, "frozen-grpc");
            Assert.Equal(Grpc.Core.StatusCode.Unavailable, Assert.IsType<GrpcServiceError>(status).StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            _redis.Thaw();
        }

        for (var i = 0; i < 50; i++)
        {
            await PublishAsync(i % 2 == 0 ? a : b, topic, $"after-{i}", acknowledged);
        }

        // Every reader continues after its last entry: every acknowledged entry once, in order. (A publish refused while
        // Redis was frozen may still have been stored after it thawed: refused means not acknowledged, never dropped.)
        await WaitUntilAsync(() => new[] { webSocket, serverSentEvents, grpc }.All(r => r.Messages.Contains("after-49")));
        foreach (var (name, log) in new[] { ("WebSocket", webSocket), ("SSE", serverSentEvents), ("gRPC", grpc) })
        {
            Assert.True(log.IdsIncrease, $"{name}: ids out of order");
            Assert.Equal(acknowledged, log.Messages.Where(m => !m.StartsWith("frozen", StringComparison.Ordinal)));
        }

        // 2. Redis restarted without persistence: it lost every entry, so no reader can continue without a gap: each is
        //    closed with the gone error (WebSocket close 1011 "gone: ...", SSE error event, gRPC OUT_OF_RANGE).
        _redis.Kill();
        var down = await new HttpClient().PostAsync(
            new Uri($"http://127.0.0.1:{b.HttpPort}/logs/{topic}/archive?api_key={RedisLogger.ApiKey}"), new StringContent("{\"message\":\"down\"}\n"));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, down.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await _redis.StartAgainAsync();

        var endings = await Task.WhenAll(readers.Select(r => r.WaitAsync(Patience).ContinueWith(t => t.Exception?.InnerException, TaskScheduler.Default)));
        Assert.All(endings, e => Assert.True(e is not null && LoggerErrors.IsGone(e), e?.ToString() ?? "the stream ended without an error"));

        // Nobody crashed; each instance logged one line per change: went away, came back (twice when its shared reader
        // also timed out while Redis was frozen), lost its data.
        foreach (var instance in instances)
        {
            Assert.False(instance.Process.HasExited);
            var outages = instance.LinesContaining("Redis unreachable");
            Assert.InRange(outages, 1, 2);
            Assert.Equal(outages, instance.LinesContaining("Redis reachable again"));
            Assert.Equal(1, instance.LinesContaining("Redis lost its stream data"));
        }

        // Both serve again: a new subscriber on one gets what is published on the other.
        await using var fresh = await a.Http().SubscribeAsync(new SubscribePayload { Topic = topic });
        var next = fresh.ReadAllAsync().GetAsyncEnumerator();
        var moved = next.MoveNextAsync().AsTask();
        await PublishAsync(b, topic, "back", []);
        Assert.True(await moved.WaitAsync(Patience));
        Assert.Equal("back", next.Current.Message);
        await next.DisposeAsync();
    }

    [Fact]
    public async Task Watch_on_one_instance_replays_each_topic_after_since_and_follows_what_another_publishes()
    {
        var instances = await RedisLogger.StartAsync(2, _redis.Configuration);
        await using var a = instances[0];
        await using var b = instances[1];
        var (database, network) = ($"database-{Guid.NewGuid():N}"[..20], $"network-{Guid.NewGuid():N}"[..20]);
        var start = await PublishOneAsync(a, "elsewhere", "start");
        await PublishOneAsync(a, database, "db 1");
        await PublishOneAsync(a, network, "net 1");

        await using var watch = await b.Http().WatchAsync(new WatchPayload { Since = start.Id });
        var entries = watch.ReadAllAsync().GetAsyncEnumerator();
        async Task<List<string>> NextAsync(int count)
        {
            var messages = new List<string>();
            while (messages.Count < count && await entries.MoveNextAsync().AsTask().WaitAsync(Patience))
            {
                messages.Add(entries.Current.Message);
            }

            return messages;
        }

        await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = database });
        Assert.Equal(["db 1"], await NextAsync(1));
        await PublishOneAsync(a, network, "net 2");
        await PublishOneAsync(a, database, "db 2");
        Assert.Equal(["db 2"], await NextAsync(1));

        // Added later, the other topic replays what it has after since first, then follows.
        await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = network });
        Assert.Equal(["net 1", "net 2"], await NextAsync(2));
        await PublishOneAsync(a, network, "net 3");
        await PublishOneAsync(a, database, "db 3");
        Assert.Equal(["net 3", "db 3"], await NextAsync(2));
        await entries.DisposeAsync();
    }

    private static async Task<LogRecord> PublishOneAsync(RedisLogger instance, string topic, string message)
    {
        await PublishAsync(instance, topic, message, []);
        return (await instance.Http().RecentAsync(new RecentPayload { Topic = topic, Limit = 1 })).Entries.Single();
    }

    private static async Task PublishAsync(RedisLogger instance, string topic, string message, List<string> acknowledged)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                await using var publisher = await instance.Http().PublishAsync();
                await publisher.SendAsync(new LogEntry { Topic = topic, Message = message });
                Assert.Equal(1, (await publisher.CloseAndRecvAsync()).Count);
                acknowledged.Add(message);
                return;
            }
            catch (ServiceError e) when (LoggerErrors.IsUnavailable(e) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<Exception> AssertPublishUnavailableAsync(ILoggerClient client, string topic, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var publisher = await client.PublishAsync();
            await publisher.SendAsync(new LogEntry { Topic = topic, Message = message });
            await publisher.CloseAndRecvAsync();
        });
        Assert.True(LoggerErrors.IsUnavailable(error), error.ToString());
        return error;
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
