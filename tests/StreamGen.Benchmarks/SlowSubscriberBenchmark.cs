using System.Diagnostics;
using System.Globalization;
using Acme.Logger;
using Runtime = Acme.Logger.Runtime;

namespace StreamGen.Benchmarks;

/// <summary>
/// Issue #10's publish-rate row: `publish` msgs/s on the logger process while one subscriber of the topic reads as fast
/// as it can, against the same with one more subscriber that completed its upgrade and never reads (target ≥ 0.9×).
/// The reader must get every entry in both. With the example's defaults a full queue never holds the publisher back; a
/// publish that would evict an entry the stalled subscriber has yet to read waits at most Logger:EvictionWait (250 ms),
/// once, before it cuts it off; the rows show what that costs.
/// </summary>
internal sealed class SlowSubscriberBenchmark : IBenchmark
{
    private const string Baseline = "one reading subscriber";
    private const string Stalled = "one reading + one stalled subscriber";

    public string Name => "slow-subscriber";

    public string Description => "publish rate with one stalled subscriber vs none (logger process; target >= 0.9x)";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var count = context.Pick(100_000, 2_000);
        // The smoke run checks that the scenario works, not this machine's scheduling: it retains every entry, so a reader
        // descheduled for longer than the eviction wait (the test run's own load) is never cut off there.
        await using var server = await LoggerProcess.StartAsync(context.Quick ? [$"Logger:Retain={count * 2}"] : [], cancellationToken);
        using var http = new HttpClient { BaseAddress = server.HttpAddress, Timeout = Timeout.InfiniteTimeSpan };
        var client = new LoggerHttpClient(http, new Runtime::StreamGenClientOptions { Credentials = Runtime::ClientCredentials.Key(LoggerProcess.ApiKey) });
        var round = 0;
        var cutOff = new Dictionary<string, long> { [Baseline] = 0, [Stalled] = 0 };

        Subject Make(string name, bool stall) => new(name, async token =>
        {
            var topic = "slow" + Interlocked.Increment(ref round).ToString(CultureInfo.InvariantCulture);
            await using var reader = await client.SubscribeAsync(new SubscribePayload { Topic = topic }, token);
            using var stalled = stall ? await RawPeer.UpgradeAsync(server.HttpAddress, $"/logs/{topic}/stream", 4096, token) : null;
            await server.WaitForSubscribersAsync(stall ? 2 : 1, TimeSpan.FromSeconds(10), token);
            var reading = Task.Run(async () =>
            {
                long received = 0;
                while (received < count && await reader.RecvAsync(token) is not null)
                {
                    received++;
                }

                return received;
            }, token);
            var entry = new LogEntry { Topic = topic, Message = new string('m', 60), Level = Level.Info };
            var start = Stopwatch.GetTimestamp();
            await using (var publish = await client.PublishAsync(token))
            {
                for (var i = 0; i < count; i++)
                {
                    await publish.SendAsync(entry, token);
                }

                cutOff[name] += (await publish.CloseAndRecvAsync(token)).Dropped ?? 0;
            }

            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var received = await reading;
            if (received != count)
            {
                throw new InvalidOperationException($"{name}: the reading subscriber got {received} of {count} entries");
            }

            return new Dictionary<string, double> { [$"{Round.Rate}, publish"] = count / seconds };
        });

        var result = await Interleaved.RunAsync([Make(Baseline, stall: false), Make(Stalled, stall: true)], [new($"{Round.Rate}, publish", Round.Rate)], warmups: 1, context.Repetitions, cancellationToken);
        context.Table.AddComparison(Name, result, (subject, _, value, baseline) => baseline is { } b ? ("ratio >= 0.90", value / b >= 0.9) : null);
        Console.WriteLine($"  subscribers cut off (publish's dropped), all rounds: {cutOff[Baseline]} with none stalled, {cutOff[Stalled]} with one stalled");
        context.Table.Add(new ResultRow(Name, "subscribers cut off per round (dropped)", Stalled, cutOff[Stalled] / (double)(context.Repetitions + 1), "count",
            cutOff[Stalled] / (double)(context.Repetitions + 1), cutOff[Stalled] / (double)(context.Repetitions + 1)));
    }
}
