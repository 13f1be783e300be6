using Acme.Logger;

namespace StreamGen.Benchmarks;

/// <summary>
/// Server streaming over Server-Sent Events (`events`, generated server and client) against the WebSocket stream of
/// the same items (`subscribe`, generated), ~100 B and ~4 KiB, msgs/s and process CPU per message.
/// </summary>
internal sealed class ServerSentEventsBenchmark : IBenchmark
{
    public string Name => "sse";

    public string Description => "SSE server streaming (events) vs the generated WebSocket stream of the same items, 100 B and 4 KiB";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var workload = new Workload();
        await using var server = await GeneratedServer.StartAsync(workload);
        var (client, http) = GeneratedServer.HttpClient(server.Address);
        using var _ = http;
        foreach (var (size, count) in new[] { (100, context.Pick(200_000, 2_000)), (4096, context.Pick(30_000, 500)) })
        {
            var item = Workload.Create(size);
            workload.Set(item, count);
            var label = $"{Workload.JsonLength(item)} B";
            List<Subject> subjects =
            [
                new("generated WebSocket (subscribe)", token => Round.ThroughputAsync(label, count, () => GeneratedClient.ReadAsync(client, workload, token))),
                new("generated SSE (events)", token => Round.ThroughputAsync(label, count, () => ReadEventsAsync(client, workload, token))),
            ];
            var result = await Interleaved.RunAsync(subjects, Round.ThroughputMetrics(label), warmups: context.Pick(2, 1), context.Repetitions, cancellationToken);
            context.Table.AddComparison(Name, result);
        }
    }

    private static async Task ReadEventsAsync(ILoggerClient client, Workload workload, CancellationToken cancellationToken)
    {
        await using var stream = await client.EventsAsync(new EventsPayload { Topic = Workload.Topic }, cancellationToken);
        var received = 0;
        string? last = null;
        while (await stream.RecvAsync(cancellationToken) is { } record)
        {
            last = record.Message;
            received++;
        }

        workload.Verify(received, last);
    }
}
