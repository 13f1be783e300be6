using System.Diagnostics;
using Acme.Logger;

namespace StreamGen.Benchmarks;

internal sealed record Size(string Name, SubscribeResult Item, int Count);

internal sealed record Measurement(string Group, string Scenario, Size Size, IReadOnlyList<double> Rates, double AllocatedPerMessage, double FlushesPerMessage, double CpuMicrosecondsPerMessage)
{
    public double Median
    {
        get
        {
            var sorted = Rates.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}

/// <summary>Warms up, then measures a group's scenarios against each other on the same workload.</summary>
internal static class Runner
{
    public static async Task<List<Measurement>> RunAsync(IReadOnlyList<Scenario> scenarios, IReadOnlyList<Size> sizes, Workload workload, int repetitions)
    {
        foreach (var scenario in scenarios)
        {
            await scenario.StartAsync(workload);
        }

        var results = new List<Measurement>();
        foreach (var size in sizes)
        {
            // Long enough for tiered JIT (OSR, then tier 1 with PGO) to settle in the servers' and clients' loops.
            workload.Set(size.Item, Math.Max(1, size.Count / 4));
            foreach (var scenario in scenarios)
            {
                for (var i = 0; i < 3; i++)
                {
                    await MeasureAsync(scenario);
                }
            }

            workload.Set(size.Item, size.Count);
            var rates = scenarios.Select(_ => new List<double>()).ToArray();
            var allocated = new long[scenarios.Count];
            var flushes = new long[scenarios.Count];
            var cpu = new TimeSpan[scenarios.Count];
            for (var repetition = 0; repetition < repetitions; repetition++)
            {
                // Interleaved, and each repetition starts with a different scenario, so drift (thermal, other load on
                // the machine, heap growth) spreads over all of them instead of favouring whichever runs first.
                for (var k = 0; k < scenarios.Count; k++)
                {
                    var index = (repetition + k) % scenarios.Count;
                    var flushesBefore = scenarios[index].ServerFlushes;
                    var (seconds, bytes, processorTime) = await MeasureAsync(scenarios[index]);
                    rates[index].Add(size.Count / seconds);
                    allocated[index] += bytes;
                    cpu[index] += processorTime;
                    flushes[index] += scenarios[index].ServerFlushes - flushesBefore;
                }
            }

            for (var index = 0; index < scenarios.Count; index++)
            {
                var messages = (double)size.Count * repetitions;
                results.Add(new Measurement(scenarios[index].Group, scenarios[index].Name, size, rates[index], allocated[index] / messages, flushes[index] / messages, cpu[index].TotalMicroseconds / messages));
            }
        }

        return results;
    }

    private static async Task<(double Seconds, long Bytes, TimeSpan ProcessorTime)> MeasureAsync(Scenario scenario)
    {
        // A collection now keeps the previous run's garbage from being paid for inside this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var process = Process.GetCurrentProcess();
        var processorBefore = process.TotalProcessorTime;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        await scenario.RunAsync(timeout.Token);
        var elapsed = Stopwatch.GetElapsedTime(start);

        // Servers finish a little after their client (close handshakes, a SignalR completion, pipes returning
        // buffers). Waiting here charges that trailing work to this scenario instead of to whichever runs next.
        await Task.Delay(100);
        var after = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        return (elapsed.TotalSeconds, after - before, process.TotalProcessorTime - processorBefore);
    }
}
