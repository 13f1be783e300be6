using System.Diagnostics;
using System.Globalization;
using Acme.Logger;
using StackExchange.Redis;
using StreamGen.Runtime.Redis;
using StreamGen.Runtime.Tests.Redis;

namespace StreamGen.Benchmarks;

/// <summary>
/// How the Redis scale-out of StreamGen.Runtime.Redis grows (issue #14): 1, 2 and 3 instances (each a
/// <see cref="RedisStreamBroadcast{T}"/> with its own two connections and its one shared reader, as one logger process
/// has) share 100 / 1,000 (and with --large 10,000) subscribers of one key, round-robin; publishers on the first
/// instance publish logger records as fast as Redis acknowledges them (16 in flight). Measured: entries published per
/// second, entries delivered per second (all subscribers), the lag from publish to delivery (p50, p99), and Redis'
/// own count of commands (INFO commandstats) per published entry. The WebSocket/gRPC cost per delivered entry is the
/// transport benchmark's; this one is the fan-out's.
///   dotnet run -c Release --project tests/StreamGen.Benchmarks -- redis-scale [--quick] [--large]
/// </summary>
internal static class RedisScaleOut
{
    private const string Key = "bench";
    private const int InFlight = 16;

    /// <summary>The scenario's name in the table and on the command line.</summary>
    public const string Scenario = "redis-scale";

    /// <summary>Prints the table and adds its figures to <paramref name="table"/>: each row's delivery rate next to one instance's with as many subscribers.</summary>
    internal static async Task<int> RunAsync(RedisScaleOutOptions options, ResultTable table)
    {
        await using var redis = await RedisServer.StartAsync();
        Console.WriteLine($"Redis scale-out: redis-server {await VersionAsync(redis)} on 127.0.0.1 (persistence off), instances in this process, {Environment.ProcessorCount} cores. {LoadAverage()}");
        Console.WriteLine(options.Quick ? "QUICK: smoke test, figures meaningless." : "");
        Console.WriteLine("| instances | subscribers | entries | published/s | delivered/s | lag p50 ms | lag p99 ms | Redis cmds/entry | XREAD/entry | XRANGE/entry | connections |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int[] subscriberCounts = options.Large ? [100, 1_000, 10_000] : [100, 1_000];
        foreach (var subscribers in subscriberCounts)
        {
            RedisScaleOutRow? single = null;
            foreach (var instances in new[] { 1, 2, 3 })
            {
                var entries = Math.Clamp(options.Deliveries / subscribers / (options.Quick ? 20 : 1), 100, 20_000);
                var row = await MeasureAsync(redis, instances, subscribers, entries);
                single ??= row;
                Console.WriteLine(row.ToMarkdown());
                var subject = $"{instances} instance(s), {subscribers:N0} subscribers";
                table.Add(new ResultRow(Scenario, "entries delivered/s (all subscribers)", subject, row.DeliveredPerSecond, "entries/s", row.DeliveredPerSecond, row.DeliveredPerSecond,
                    Baseline: "1 instance, same subscribers", BaselineValue: single.DeliveredPerSecond));
                table.Add(new ResultRow(Scenario, "entries published/s", subject, row.PublishedPerSecond, "entries/s", row.PublishedPerSecond, row.PublishedPerSecond,
                    Baseline: "1 instance, same subscribers", BaselineValue: single.PublishedPerSecond));
                table.Add(new ResultRow(Scenario, "lag publish to delivery, p99", subject, row.LagP99Ms, "ms", row.LagP50Ms, row.LagP99Ms));
                table.Add(new ResultRow(Scenario, "Redis commands per published entry", subject, row.CommandsPerEntry, "commands", row.CommandsPerEntry, row.CommandsPerEntry));
            }
        }

        return 0;
    }

    private static async Task<RedisScaleOutRow> MeasureAsync(RedisServer redis, int instanceCount, int subscriberCount, int entryCount)
    {
        // One connection of its own (no pub/sub), which the connection count leaves out.
        await using var admin = await ConnectionMultiplexer.ConnectAsync(RedisStreamBroadcast<LogRecord>.Configure(redis.Configuration, block: null));
        var server = admin.GetServer(redis.Configuration);
        await server.FlushAllDatabasesAsync();
        var options = new RedisStreamOptions { KeyPrefix = "{bench}:", Retain = entryCount + 1000 };
        var instances = new List<RedisStreamBroadcast<LogRecord>>();
        for (var i = 0; i < instanceCount; i++)
        {
            instances.Add(await RedisStreamBroadcast<LogRecord>.ConnectAsync(redis.Configuration, LoggerJsonContext.Default.LogRecord, options));
        }

        try
        {
            var subscriptions = new List<RedisStreamSubscription<LogRecord>>();
            for (var i = 0; i < subscriberCount; i++)
            {
                subscriptions.Add(await instances[i % instanceCount].SubscribeAsync(Key, after: null));
            }

            var lag = new LagHistogram();
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var waiting = subscriberCount;
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Ready()
            {
                if (Interlocked.Decrement(ref waiting) == 0)
                {
                    ready.TrySetResult();
                }
            }

            var readers = subscriptions.Select(s => Task.Run(() => ReadAsync(s, entryCount + 1, lag, Ready, stop.Token))).ToArray();

            // One entry first, to have every subscriber on the shared reader before the clock starts.
            await instances[0].PublishAsync(Key, Record(-1));
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var connections = await ConnectedClientsAsync(server);
            var before = await CommandStatsAsync(server);
            var clock = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < entryCount)
                {
                    await instances[0].PublishAsync(Key, Record(Stopwatch.GetTimestamp()));
                }
            })));
            var published = clock.Elapsed;
            await Task.WhenAll(readers);
            var delivered = clock.Elapsed;
            var after = await CommandStatsAsync(server);
            subscriptions.ForEach(s => s.Dispose());

            double PerEntry(Func<Dictionary<string, long>, long> pick) => (pick(after) - pick(before)) / (double)entryCount;
            return new RedisScaleOutRow(instanceCount, subscriberCount, entryCount, entryCount / published.TotalSeconds, (double)entryCount * subscriberCount / delivered.TotalSeconds,
                lag.Percentile(0.50), lag.Percentile(0.99), PerEntry(s => s.Values.Sum()), PerEntry(s => s.GetValueOrDefault("xread")), PerEntry(s => s.GetValueOrDefault("xrange")), connections);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task ReadAsync(RedisStreamSubscription<LogRecord> subscription, int count, LagHistogram lag, Action ready, CancellationToken cancellationToken)
    {
        var seen = 0;
        await foreach (var (_, record) in subscription.ReadAllAsync(cancellationToken))
        {
            var published = long.Parse(record.Message, CultureInfo.InvariantCulture);
            if (published < 0)
            {
                ready();
            }
            else
            {
                lag.Add(Stopwatch.GetElapsedTime(published));
            }

            if (++seen == count)
            {
                return;
            }
        }
    }

    private static LogRecord Record(long timestamp) => new()
    {
        Id = "",
        Timestamp = "2026-11-29T12:00:00.0000000Z",
        Topic = Key,
        Message = timestamp.ToString(CultureInfo.InvariantCulture),
        Level = Level.Info,
    };

    private static async Task<Dictionary<string, long>> CommandStatsAsync(IServer server)
    {
        // cmdstat_xadd:calls=10,usec=...; scripts count their inner commands too, and EVALSHA itself.
        var stats = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var group in await server.InfoAsync("commandstats"))
        {
            foreach (var (key, value) in group)
            {
                var calls = value.Split(',')[0];
                stats[key.Replace("cmdstat_", "", StringComparison.Ordinal)] = long.Parse(calls[(calls.IndexOf('=', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
            }
        }

        // INFO is this benchmark's own.
        stats.Remove("info");
        return stats;
    }

    private static async Task<long> ConnectedClientsAsync(IServer server)
    {
        var info = await server.InfoAsync("clients");
        return long.Parse(info.SelectMany(g => g).Single(p => p.Key == "connected_clients").Value, CultureInfo.InvariantCulture) - 1;
    }

    private static async Task<string> VersionAsync(RedisServer redis)
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        return admin.GetServer(redis.Configuration).Version.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"Load average at start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}." : "";
}
