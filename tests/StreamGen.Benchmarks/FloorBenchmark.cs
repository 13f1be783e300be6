using System.Diagnostics;

namespace StreamGen.Benchmarks;

/// <summary>
/// The floor: CPU per item of JSON encode + decode of the ~100 B item alone (no transport, one thread), what every
/// JSON transport must pay at least. Set against the CPU per message the ws and grpc scenarios of the same run measured
/// (process CPU time, client + server, per item), it shows each transport's own overhead (CPU/msg − floor). Each
/// transport is set against the floor measured in its own interleaved rounds (JsonFloor is a subject of ws and grpc):
/// measured apart, minutes later, the floor moved by a third between two runs of the same build. Target: generated
/// WebSocket and gRPC CPU per ~100 B message ≤ 1.5× the floor. Run after ws and grpc (it reads their rows).
/// </summary>
internal sealed class FloorBenchmark : IBenchmark
{
    private const string FloorSubject = "JSON encode + decode alone";
    private const double Target = 1.5;

    public string Name => "floor";

    public string Description => "CPU floor: JSON encode + decode of the 100 B item alone, and each transport's CPU/msg over it (after ws, grpc)";

    public Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        // Measured apart too (one thread, after ws and grpc), for a run without them; with them, each transport is set
        // against the floor measured in its own interleaved rounds (JsonFloor), which drifts with the machine as it does.
        var iterations = context.Pick(1_000_000, 20_000);
        var item = Workload.Create(100);
        JsonFloor.Loop(item, iterations / 5);
        var rounds = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < Math.Max(3, context.Repetitions); round++)
        {
            Interleaved.Collect();
            process.Refresh();
            var before = process.TotalProcessorTime;
            JsonFloor.Loop(item, iterations);
            process.Refresh();
            rounds.Add((process.TotalProcessorTime - before).TotalMicroseconds / iterations);
        }

        var apart = Stats.Median(rounds);
        const string metric = "CPU us/msg, 100 B";
        context.Table.Add(new ResultRow(Name, metric, FloorSubject + ", measured apart", apart, "us", rounds.Min(), rounds.Max()));
        var rows = context.Table.Rows.Where(r => r.Scenario is "ws" or "grpc" && r.Metric == metric).ToList();
        if (rows.Count == 0)
        {
            Console.WriteLine("  (run ws and grpc in the same run to see each transport's CPU/msg against this floor)");
        }

        foreach (var row in rows.Where(r => r.Subject != JsonFloor.Subject))
        {
            var (floorSubject, floor) = rows.FirstOrDefault(r => r.Scenario == row.Scenario && r.Subject == JsonFloor.Subject) is { } interleaved
                ? ($"{FloorSubject}, in the {row.Scenario} rounds", interleaved.Value)
                : ($"{FloorSubject}, measured apart", apart);
            var generated = row.Subject is "generated WebSocket" or "generated gRPC";
            context.Table.Add(new ResultRow(Name, $"CPU us/msg over the floor, 100 B ({row.Scenario})", row.Subject, row.Value - floor, "us", row.Min - floor, row.Max - floor));
            context.Table.Add(new ResultRow(Name, $"CPU us/msg vs the floor, 100 B ({row.Scenario})", row.Subject, row.Value, "us", row.Min, row.Max, floorSubject, floor,
                generated ? $"ratio <= {Target:N2}" : null, generated ? row.Value / floor <= Target : null));
        }

        return Task.CompletedTask;
    }
}
