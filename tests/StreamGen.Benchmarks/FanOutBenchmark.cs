using System.Diagnostics;
using System.Globalization;
using Acme.Logger;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace StreamGen.Benchmarks;

/// <summary>
/// Fan-out: N concurrent `subscribe` streams on one logger process (the example's LogBus and generated server, in its
/// own process, so its memory is its own), the clients and the publisher in this process, 10,000 entries/s published
/// over `publish`. Each subscriber has its own topic, so each entry is delivered once (10,000 deliveries/s whatever N
/// is) and memory per subscriber is not confused with memory per delivery. Figures: server RSS per subscriber (target
/// &lt; 20 KiB) two ways: the peak while publishing over the idle process before the subscribers connected, divided by N
/// (which also charges them what publishing at that rate costs whoever listens: entries and frames between collections,
/// the GC's allocation budget), and the same peak over the peak of publishing as fast to 20 subscribers (what each
/// subscriber adds); delivery lag from the publisher's send to the subscriber's receive p50/p99 (target p99 &lt; 250 ms),
/// and the same for SignalR streaming subscribers over the same bus, each on a fresh server process. Each pair runs
/// twice: with ASP.NET Core's default server garbage collector and with the workstation one, since the collector's
/// budgets decide how much garbage waits for a collection while publishing (its heap's peak over its size after a full
/// collection is a row of its own), and that is what a deployment sizing memory per subscriber chooses.
/// </summary>
internal sealed class FanOutBenchmark : IBenchmark
{
    private const int Rate = 10_000;
    private const int WarmSubscribers = 20;
    private const double RssTargetKiB = 20;
    private const string SignalR = "SignalR streaming";
    private const string Generated = "generated WebSocket";
    private const string WorkstationSuffix = ", workstation GC";
    private const double LagTargetMs = 250;

    public string Name => "fanout";

    public string Description => "fan-out: N WebSocket subscribe streams on one logger process at 10,000 entries/s vs SignalR, with the server and the workstation GC: RSS per subscriber, lag p50/p99";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var subscribers = context.Pick(10_000, 50);
        var seconds = context.Pick(10, 1);
        var results = new Dictionary<string, Figures>();
        var runs = new (string Kind, bool Generated, bool Workstation)[]
        {
            (SignalR, false, false), (Generated, true, false), (SignalR + WorkstationSuffix, false, true), (Generated + WorkstationSuffix, true, true),
        };
        foreach (var (kind, generated, workstation) in runs)
        {
            var figures = await RunOneAsync(generated, workstation, subscribers, seconds, context.Quick, cancellationToken);
            results[kind] = figures;
            Console.WriteLine($"  {kind}: {subscribers:N0} subscribers, {figures.Sent:N0} entries sent in {seconds} s ({figures.AchievedRate:N0}/s), " +
                $"{figures.Received:N0} received; server RSS {figures.RssBefore / 1048576.0:N1} MiB before, {figures.RssConnected / 1048576.0:N1} connected, " +
                $"{figures.RssLoaded / 1048576.0:N1} publishing (peak; {figures.RssWarmPeak / 1048576.0:N1} publishing as fast to {WarmSubscribers}); heap after GC {figures.HeapAfter / 1048576.0:N1} MiB (peak while publishing {figures.HeapPeak / 1048576.0:N1})");
        }

        var n = $"N = {subscribers:N0}";

        // The bus alone, in this process: what one publish costs with N idle subscriptions on other topics, against one.
        var busN = Environment.GetEnvironmentVariable("BENCH_BUS_N") is { } forced ? int.Parse(forced, CultureInfo.InvariantCulture) : subscribers;
        var alone = BusPublishMicroseconds(1, busN);
        var crowded = BusPublishMicroseconds(busN, busN);
        Console.WriteLine($"  LogBus.PublishAsync: {crowded:N2} us/entry with {busN:N0} subscriptions, {alone:N2} us/entry with 1");
        context.Table.Add(new ResultRow(Name, $"LogBus.PublishAsync us/entry, {busN:N0} subscriptions on other topics", "LogBus (no transport)", crowded, "us", crowded, crowded,
            "LogBus with 1 subscription", alone));
        foreach (var (kind, f) in results)
        {
            // Each generated subject against SignalR under the same collector.
            var generated = kind.StartsWith(Generated, StringComparison.Ordinal);
            var baseline = generated ? SignalR + kind[Generated.Length..] : null;
            var b = baseline is null ? null : results[baseline];
            Add($"server RSS per subscriber, publishing, {n}", kind, f.RssPerSubscriberKiB, "KiB", b?.RssPerSubscriberKiB,
                generated ? ($"< {RssTargetKiB:N0} KiB", f.RssPerSubscriberKiB < RssTargetKiB) : null);
            Add($"server RSS per subscriber, publishing, over the peak of the same rate to {WarmSubscribers}, {n}", kind, f.MarginalPerSubscriberKiB, "KiB", b?.MarginalPerSubscriberKiB,
                generated ? ($"< {RssTargetKiB:N0} KiB", f.MarginalPerSubscriberKiB < RssTargetKiB) : null);
            Add($"server RSS per subscriber, connected idle, {n}", kind, f.IdlePerSubscriberKiB, "KiB", b?.IdlePerSubscriberKiB, null);
            Add($"server allocation per entry published and delivered, {n}", kind, f.AllocatedPerEntry, "B", b?.AllocatedPerEntry, null);
            Add($"server allocation per entry published and delivered, {WarmSubscribers} subscribers", kind, f.WarmAllocatedPerEntry, "B", b?.WarmAllocatedPerEntry, null);
            Add($"server managed heap per subscriber after GC, {n}", kind, f.HeapPerSubscriberKiB, "KiB", b?.HeapPerSubscriberKiB, null);
            // Where the RSS between idle and publishing goes: garbage the GC has not collected yet shows here.
            Add($"server managed heap per subscriber, peak while publishing over after GC, {n}", kind, f.UncollectedPerSubscriberKiB, "KiB", b?.UncollectedPerSubscriberKiB, null);
            // A quick run may publish nothing inside the measured window: no lag sample is no row, never a NaN figure.
            if (double.IsFinite(f.LagP50))
            {
                Add($"delivery lag p50, {n}", kind, f.LagP50, "ms", Measured(b?.LagP50), null);
                Add($"delivery lag p99, {n}", kind, f.LagP99, "ms", Measured(b?.LagP99), generated ? ($"< {LagTargetMs:N0} ms", f.LagP99 < LagTargetMs) : null);
            }

            Add($"entries published per second, {n}", kind, f.AchievedRate, "entries/s", b?.AchievedRate, null);
            Add($"entries delivered within 60 s of the last publish, {n}", kind, 100.0 * f.Received / f.Sent, "%", b is null ? null : 100.0 * b.Received / b.Sent,
                generated ? ("= 100 %", f.Received == f.Sent) : null);

            static double? Measured(double? value) => value is { } v && double.IsFinite(v) ? v : null;

            void Add(string metric, string subject, double value, string unit, double? baselineValue, (string Text, bool Met)? target) =>
                context.Table.Add(new ResultRow(Name, metric, subject, value, unit, value, value, baselineValue is null ? null : baseline, baselineValue, target?.Text, target?.Met));
        }
    }

    private static async Task<Figures> RunOneAsync(bool generated, bool workstation, int count, int seconds, bool quick, CancellationToken cancellationToken)
    {
        var kind = generated ? Generated : SignalR;
        await using var server = await LoggerProcess.StartAsync(
        [
            "StreamGen:Http:MaxStreamsPerClient=1000000", "StreamGen:Http:UpgradesPerSecond=1000000", "StreamGen:Http:UpgradeBurst=1000000",
            // Retention is per topic, not per subscriber: one entry per topic keeps it out of the per-subscriber figure.
            "Logger:Retain=1",
        ], cancellationToken, workstationGarbageCollector: workstation);
        using var http = new HttpClient { BaseAddress = server.HttpAddress, Timeout = Timeout.InfiniteTimeSpan };

        // The clients' liveness check is relaxed: a server that falls behind must show up as lag, not as a dead run.
        var client = new LoggerHttpClient(http, new Acme.Logger.Runtime.StreamGenClientOptions
        {
            Credentials = Acme.Logger.Runtime.ClientCredentials.Key(LoggerProcess.ApiKey),
            KeepAliveTimeout = TimeSpan.FromMinutes(5),
        });

        // Warm-up: JIT the server's subscribe, publish and send paths before the baseline memory figure. Then the same
        // publish rate for as long as the measured run, to WarmSubscribers subscribers: its peak RSS holds what publishing
        // itself costs (the entries and frames between collections, the GC's allocation budget, pools), so the peak with
        // N subscribers over it is what the N subscribers add.
        var warm = await ConnectAsync(kind, server, client, WarmSubscribers, "warm", cancellationToken);
        await PublishAsync(client, WarmSubscribers, "warm", 2_000, TimeSpan.FromSeconds(quick ? 0.3 : 2), warm, long.MaxValue, cancellationToken);
        var allocatedBefore = (await server.StatsAsync(cancellationToken)).Allocated;
        var (warmSent, rssWarmPeak) = await server.WithPeakResidentBytesAsync(TimeSpan.FromMilliseconds(50), () =>
            PublishAsync(client, WarmSubscribers, "warm", Rate, TimeSpan.FromSeconds(seconds), warm, long.MaxValue, cancellationToken));
        var warmAllocated = (await server.StatsAsync(cancellationToken)).Allocated - allocatedBefore;
        await warm.DisposeAsync();
        await server.WaitForSubscribersAsync(0, TimeSpan.FromSeconds(10), cancellationToken);
        await server.CollectAsync(cancellationToken);
        await Task.Delay(500, cancellationToken);
        var rssBefore = server.ResidentBytes;

        var peers = await ConnectAsync(kind, server, client, count, "t", cancellationToken);
        var live = await server.WaitForSubscribersAsync(count, TimeSpan.FromSeconds(120), cancellationToken);
        if (live != count)
        {
            throw new InvalidOperationException($"{kind}: {live} of {count} subscriptions live on the server");
        }

        await server.CollectAsync(cancellationToken);
        await Task.Delay(500, cancellationToken);
        var rssConnected = server.ResidentBytes;

        // Lag is counted from the second second on: the first one still pays for JIT and growing pools.
        allocatedBefore = (await server.StatsAsync(cancellationToken)).Allocated;
        var measureFrom = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        var started = Stopwatch.GetTimestamp();
        var elapsed = 0.0;
        var (sent, peaks) = await server.WithPeaksAsync(TimeSpan.FromMilliseconds(50), heap: true, async () =>
        {
            var sent = await PublishAsync(client, count, "t", Rate, TimeSpan.FromSeconds(seconds), peers, measureFrom, cancellationToken);
            elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var deadline = Stopwatch.StartNew();
            while (peers.Received < sent && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50, cancellationToken);
            }

            return sent;
        });
        var peak = Math.Max(peaks.ResidentBytes, rssConnected);
        var allocated = (await server.StatsAsync(cancellationToken)).Allocated - allocatedBefore;
        var received = peers.Received;
        var lags = peers.Lags();

        // Entries still undelivered after the wait count with the lag they have so far: a lower bound, never left out.
        var waited = Stopwatch.GetElapsedTime(measureFrom).TotalMilliseconds - (seconds - 1) * 1000;
        lags.AddRange(Enumerable.Repeat(waited, (int)Math.Max(0, sent - received)));
        var heapAfter = await server.CollectAsync(cancellationToken);
        await server.DisposeAsync();
        await peers.DisposeAsync();
        return new Figures(sent, received, sent / elapsed, rssBefore, rssConnected, peak, rssWarmPeak, heapAfter, peaks.HeapBytes, count,
            (double)allocated / Math.Max(1, sent), (double)warmAllocated / Math.Max(1, warmSent),
            Stats.Percentile(lags, 50), Stats.Percentile(lags, 99));
    }

    /// <summary>
    /// Microseconds per LogBus.PublishAsync over <paramref name="topics"/> topics round robin, with
    /// <paramref name="subscriptions"/> of them subscribed (each gets a few entries: no queue fills, nobody waits).
    /// </summary>
    private static double BusPublishMicroseconds(int subscriptions, int topics)
    {
        var bus = new LogBus(Microsoft.Extensions.Options.Options.Create(new LogBusOptions { Retain = 1 }));
        var names = Enumerable.Range(0, topics).Select(i => "t" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var open = names.Take(subscriptions).Select(topic => bus.Subscribe(topic, since: null)).ToList();
        var entries = Math.Max(topics * 4, 20_000);
        for (var i = 0; i < entries / 4; i++)
        {
            _ = bus.PublishAsync(names[i % names.Length], "warm", Level.Info).AsTask().Result;
        }

        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < entries; i++)
        {
            _ = bus.PublishAsync(names[i % names.Length], "entry", Level.Info).AsTask().Result;
        }

        var perEntry = Stopwatch.GetElapsedTime(start).TotalMicroseconds / entries;
        open.ForEach(s => s.Dispose());
        return perEntry;
    }

    /// <summary>Opens <paramref name="count"/> subscriptions, topic prefix + index, a few dozen at a time.</summary>
    private static async Task<Subscribers> ConnectAsync(string kind, LoggerProcess server, LoggerHttpClient client, int count, string prefix, CancellationToken cancellationToken)
    {
        var peers = new Subscribers();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var topic = prefix + i.ToString(CultureInfo.InvariantCulture);
            if (kind == Generated)
            {
                var stream = await client.SubscribeAsync(new SubscribePayload { Topic = topic }, token);
                peers.Add(stream, async lifetime =>
                {
                    while (await stream.RecvAsync(lifetime) is { } item)
                    {
                        peers.Arrived(item.Message);
                    }
                });
            }
            else
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(server.HttpAddress, "/hub"), HttpTransportType.WebSockets, options => options.SkipNegotiation = true)
                    .AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, LoggerJsonContext.Default))
                    .Build();
                connection.ServerTimeout = TimeSpan.FromMinutes(5);
                await connection.StartAsync(token);
                peers.Add(connection, async lifetime =>
                {
                    await foreach (var item in connection.StreamAsync<SubscribeResult>(nameof(BusHub.Subscribe), topic, lifetime))
                    {
                        peers.Arrived(item.Message);
                    }
                });
            }
        });
        return peers;
    }

    /// <summary>
    /// Publishes at <paramref name="rate"/> entries/s for <paramref name="duration"/>, topics round robin, each message
    /// carrying its send time (Stopwatch ticks) so the subscriber can time its delivery; returns the count accepted.
    /// </summary>
    private static async Task<long> PublishAsync(LoggerHttpClient client, int topics, string prefix, int rate, TimeSpan duration, Subscribers peers, long measureFrom, CancellationToken cancellationToken)
    {
        peers.MeasureFrom = measureFrom;
        await using var stream = await client.PublishAsync(cancellationToken);
        var names = Enumerable.Range(0, topics).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var start = Stopwatch.GetTimestamp();
        long sent = 0;
        while (Stopwatch.GetElapsedTime(start) is var elapsed && elapsed < duration)
        {
            var due = (long)(elapsed.TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                var message = Stopwatch.GetTimestamp().ToString("D19", CultureInfo.InvariantCulture) + " fan-out entry of about a hundred bytes of JSON";
                await stream.SendAsync(new LogEntry { Topic = names[sent % names.Length], Message = message, Level = Level.Info }, cancellationToken);
            }

            await Task.Delay(5, cancellationToken);
        }

        var result = await stream.CloseAndRecvAsync(cancellationToken);
        return result.Count == sent ? sent : throw new InvalidOperationException($"the server accepted {result.Count} of {sent} entries");
    }

    private sealed record Figures(long Sent, long Received, double AchievedRate, long RssBefore, long RssConnected, long RssLoaded, long RssWarmPeak, long HeapAfter, long HeapPeak, int Count,
        double AllocatedPerEntry, double WarmAllocatedPerEntry, double LagP50, double LagP99)
    {
        public double RssPerSubscriberKiB => (RssLoaded - RssBefore) / 1024.0 / Count;

        public double IdlePerSubscriberKiB => (RssConnected - RssBefore) / 1024.0 / Count;

        /// <summary>What each subscriber adds to the peak while publishing: over the peak of the same rate to WarmSubscribers.</summary>
        public double MarginalPerSubscriberKiB => (RssLoaded - RssWarmPeak) / 1024.0 / (Count - WarmSubscribers);

        public double HeapPerSubscriberKiB => HeapAfter / 1024.0 / Count;

        /// <summary>The managed heap's peak while publishing over its size after a full collection, per subscriber: garbage awaiting collection.</summary>
        public double UncollectedPerSubscriberKiB => (HeapPeak - HeapAfter) / 1024.0 / Count;
    }

    /// <summary>The subscribers of one run: their reading loops, what they received and the delivery lags.</summary>
    private sealed class Subscribers : IAsyncDisposable
    {
        private readonly CancellationTokenSource _lifetime = new();
        private readonly List<(IAsyncDisposable Resource, Task Reading)> _peers = [];
        private readonly List<double> _lags = [];
        private long _received;

        public long MeasureFrom { get; set; } = long.MaxValue;

        public long Received => Interlocked.Read(ref _received);

        public void Add(IAsyncDisposable resource, Func<CancellationToken, Task> read)
        {
            var reading = Task.Run(() => read(_lifetime.Token));
            lock (_peers)
            {
                _peers.Add((resource, reading));
            }
        }

        public void Arrived(string message)
        {
            var now = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _received);
            if (long.TryParse(message.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt) && sentAt >= MeasureFrom)
            {
                lock (_lags)
                {
                    _lags.Add(Stopwatch.GetElapsedTime(sentAt, now).TotalMilliseconds);
                }
            }
        }

        public List<double> Lags()
        {
            lock (_lags)
            {
                return [.. _lags];
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _lifetime.CancelAsync();
            foreach (var (resource, reading) in _peers)
            {
                try
                {
                    await reading;
                }
                catch (Exception)
                {
                    // Cancelled, or the server went away first: either ends the subscriber, which is all that is asked.
                }

                try
                {
                    await resource.DisposeAsync();
                }
                catch (Exception)
                {
                }
            }
        }
    }
}
