using System.Diagnostics;
using Acme.Logger;
using StreamGen.E2E.Tests.Support;
using Runtime = Acme.Logger.Runtime;

namespace StreamGen.Benchmarks;

/// <summary>
/// How long the generated SSE client takes to resume after its connection is cut (a reset by a TCP proxy, as a dropped
/// network path): from the cut to the first event of the resumed stream, with the client's default backoff (250 ms
/// base, jitter 50–100 %), every event still arriving exactly once and in order. Baseline: opening a fresh stream to
/// its first event, what a resume costs at least beyond the backoff.
/// </summary>
internal sealed class ServerSentEventsReconnectBenchmark : IBenchmark
{
    private const string P50 = "cut to next event p50";
    private const string P99 = "cut to next event p99";
    private const string Backoff = "backoff delay chosen, median";

    public string Name => "sse-reconnect";

    public string Description => "SSE client reconnect time after a cut (p50/p99), resuming by Last-Event-ID";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var workload = new Workload { EventInterval = TimeSpan.FromMilliseconds(1) };
        workload.Set(Workload.Create(100), int.MaxValue);
        await using var server = await GeneratedServer.StartAsync(workload);
        await using var proxy = new CuttingProxy(server.Address.Port);
        var cuts = context.Pick(40, 3);

        var fresh = new List<double>();
        var (direct, directHttp) = GeneratedServer.HttpClient(server.Address);
        using (directHttp)
        {
            for (var i = 0; i < cuts; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await using var stream = await direct.EventsAsync(new EventsPayload { Topic = Workload.Topic }, cancellationToken);
                if (await stream.RecvAsync(cancellationToken) is null)
                {
                    throw new InvalidOperationException("no event");
                }

                fresh.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var reconnects = 0;
        var delays = new List<double>();
        var options = new Runtime::StreamGenClientOptions
        {
            ServerSentEventsReconnecting = reconnect =>
            {
                lock (delays)
                {
                    delays.Add(reconnect.Delay.TotalMilliseconds);
                }

                Interlocked.Increment(ref reconnects);
            },
        };
        var (client, http) = GeneratedServer.HttpClient(new Uri($"http://127.0.0.1:{proxy.Port}"), options);
        using var _ = http;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var events = await client.EventsAsync(new EventsPayload { Topic = Workload.Topic }, stop.Token);

        // The reader stamps the first event after each reconnect; ids must stay contiguous across every cut.
        var firstAfter = new long[cuts + 1];
        var arrived = new SemaphoreSlim(0);
        long received = 0;
        var reader = Task.Run(async () =>
        {
            long last = 0;
            while (await events.RecvAsync(stop.Token) is { } record)
            {
                var id = long.Parse(record.Id, System.Globalization.CultureInfo.InvariantCulture);
                if (id != last + 1)
                {
                    throw new InvalidOperationException($"after id {last} came {id}: the resume lost or repeated events");
                }

                last = id;
                var epoch = Volatile.Read(ref reconnects);
                if (epoch <= cuts && firstAfter[epoch] == 0)
                {
                    firstAfter[epoch] = Stopwatch.GetTimestamp();
                }

                Interlocked.Increment(ref received);
                arrived.Release();
            }
        });

        var samples = new List<double>();
        for (var k = 1; k <= cuts; k++)
        {
            await arrived.WaitAsync(cancellationToken);
            await Task.Delay(20, cancellationToken);
            var cutAt = Stopwatch.GetTimestamp();
            proxy.CutAll();
            while (Volatile.Read(ref firstAfter[k]) == 0)
            {
                if (reader.IsCompleted)
                {
                    await reader;
                }

                await Task.Delay(1, cancellationToken);
            }

            if (Volatile.Read(ref reconnects) != k)
            {
                throw new InvalidOperationException($"cut {k}: the client reconnected {reconnects} times");
            }

            samples.Add(Stopwatch.GetElapsedTime(cutAt, firstAfter[k]).TotalMilliseconds);
        }

        await stop.CancelAsync();
        try
        {
            await reader;
        }
        catch (OperationCanceledException)
        {
        }

        context.Table.Add(new ResultRow(Name, "open a stream to first event p50", "generated SSE client, fresh open", Stats.Percentile(fresh, 50), "ms", fresh.Min(), fresh.Max()));
        context.Table.Add(new ResultRow(Name, P50, "generated SSE client, resume", Stats.Percentile(samples, 50), "ms", samples.Min(), samples.Max(), "generated SSE client, fresh open", Stats.Percentile(fresh, 50)));
        context.Table.Add(new ResultRow(Name, P99, "generated SSE client, resume", Stats.Percentile(samples, 99), "ms", samples.Min(), samples.Max(), "generated SSE client, fresh open", Stats.Percentile(fresh, 99)));
        context.Table.Add(new ResultRow(Name, Backoff, "generated SSE client, resume", Stats.Median(delays), "ms", delays.Min(), delays.Max()));
        Console.WriteLine($"  {cuts} cuts, {Interlocked.Read(ref received):N0} events received once each and in order across them.");
    }
}
