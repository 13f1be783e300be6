using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Acme.Logger;

namespace StreamGen.Benchmarks;

/// <summary>
/// The floor: CPU per item of JSON encode + decode of the ~100 B item alone (no transport, one thread), what every
/// JSON transport must pay at least. Set against the CPU per message the ws and grpc scenarios of the same run measured
/// (process CPU time, client + server, per item), it shows each transport's own overhead (CPU/msg − floor). Target:
/// generated WebSocket and gRPC CPU per ~100 B message ≤ 1.5× the floor. Run after ws and grpc (it reads their rows).
/// </summary>
internal sealed class FloorBenchmark : IBenchmark
{
    private const string FloorSubject = "JSON encode + decode alone";
    private const double Target = 1.5;

    public string Name => "floor";

    public string Description => "CPU floor: JSON encode + decode of the 100 B item alone, and each transport's CPU/msg over it (after ws, grpc)";

    public Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var item = Workload.Create(100);
        var iterations = context.Pick(1_000_000, 20_000);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        var sink = 0;
        void Once()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            JsonSerializer.Serialize(writer, item, LoggerJsonContext.Default.SubscribeResult);
            writer.Flush();
            sink += JsonSerializer.Deserialize(buffer.WrittenSpan, LoggerJsonReader.SubscribeResult)!.Message.Length;
        }

        for (var i = 0; i < iterations / 5; i++)
        {
            Once();
        }

        var rounds = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < Math.Max(3, context.Repetitions); round++)
        {
            Interleaved.Collect();
            process.Refresh();
            var before = process.TotalProcessorTime;
            for (var i = 0; i < iterations; i++)
            {
                Once();
            }

            process.Refresh();
            rounds.Add((process.TotalProcessorTime - before).TotalMicroseconds / iterations);
        }

        GC.KeepAlive(sink);
        var floor = Stats.Median(rounds);
        const string metric = "CPU us/msg, 100 B";
        context.Table.Add(new ResultRow(Name, metric, FloorSubject, floor, "us", rounds.Min(), rounds.Max()));
        var transports = context.Table.Rows.Where(r => r.Scenario is "ws" or "grpc" && r.Metric == metric).ToList();
        if (transports.Count == 0)
        {
            Console.WriteLine("  (run ws and grpc in the same run to see each transport's CPU/msg against this floor)");
        }

        foreach (var row in transports)
        {
            var generated = row.Subject is "generated WebSocket" or "generated gRPC";
            context.Table.Add(new ResultRow(Name, $"CPU us/msg over the floor, 100 B ({row.Scenario})", row.Subject, row.Value - floor, "us", row.Min - floor, row.Max - floor));
            context.Table.Add(new ResultRow(Name, $"CPU us/msg vs the floor, 100 B ({row.Scenario})", row.Subject, row.Value, "us", row.Min, row.Max, FloorSubject, floor,
                generated ? $"ratio <= {Target:N2}" : null, generated ? row.Value / floor <= Target : null));
        }

        return Task.CompletedTask;
    }
}
