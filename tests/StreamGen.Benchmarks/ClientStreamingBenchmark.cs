using Acme.Logger;
using Grpc.Net.Client;
using Protos = Acme.Logger.Protos;

namespace StreamGen.Benchmarks;

/// <summary>
/// Client streaming (`publish`): one call sends N ~100 B entries and reads the count back. Generated WebSocket against
/// the hand-written raw Kestrel WebSocket, generated gRPC against hand-written grpc-dotnet; msgs/s and process CPU per
/// message (client + server, in one process).
/// </summary>
internal sealed class ClientStreamingBenchmark : IBenchmark
{
    public string Name => "publish";

    public string Description => "client streaming (publish) msgs/s, 100 B: generated vs raw Kestrel WebSocket and hand-written grpc-dotnet";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var workload = new Workload();
        var count = context.Pick(100_000, 2_000);
        var entry = new LogEntry { Topic = Workload.Topic, Message = new string('m', 60), Level = Level.Info };
        await using var rawWs = await RawWebSocketCalls.StartServerAsync(workload);
        await using var generatedWs = await GeneratedServer.StartAsync(workload);
        await using var rawGrpc = await RawGrpc.StartServerAsync(workload);
        await using var generatedGrpc = await GeneratedServer.StartAsync(workload, grpc: true);
        var (httpClient, http) = GeneratedServer.HttpClient(generatedWs.Address);
        using var _ = http;
        var (grpcClient, channel) = GeneratedServer.GrpcClient(generatedGrpc.Address);
        using var __ = channel;
        using var rawChannel = GrpcChannel.ForAddress(rawGrpc.Address);
        var protocClient = new Protos.Logger.LoggerClient(rawChannel);
        var label = $"{System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(entry, LoggerJsonContext.Default.LogEntry).Length} B entries";

        Subject Make(string name, Func<CancellationToken, Task<long>> publish) => new(name, token => Round.ThroughputAsync(label, count, async () =>
        {
            var accepted = await publish(token);
            if (accepted != count)
            {
                throw new InvalidOperationException($"{name}: the server counted {accepted} of {count} entries");
            }
        }));

        async Task<long> GeneratedAsync(ILoggerClient client, CancellationToken token)
        {
            await using var stream = await client.PublishAsync(token);
            for (var i = 0; i < count; i++)
            {
                await stream.SendAsync(entry, token);
            }

            return (await stream.CloseAndRecvAsync(token)).Count;
        }

        List<Subject> subjects =
        [
            Make("raw WebSocket", token => RawWebSocketCalls.PublishAsync(rawWs.Address, entry, count, token)),
            Make("generated WebSocket", token => GeneratedAsync(httpClient, token)),
            Make("hand-written gRPC", token => RawGrpc.PublishAsync(protocClient, entry, count, token)),
            Make("generated gRPC", token => GeneratedAsync(grpcClient, token)),
        ];
        var result = await Interleaved.RunAsync(subjects, Round.ThroughputMetrics(label), warmups: context.Pick(2, 1), context.Repetitions, cancellationToken);
        context.Table.AddComparison(Name, result, baselineOf: BaselineOf);
    }

    /// <summary>Each generated transport is compared with the hand-written one of the same protocol.</summary>
    public static string? BaselineOf(string subject) => subject switch
    {
        "generated WebSocket" => "raw WebSocket",
        "generated gRPC" => "hand-written gRPC",
        _ => null,
    };
}
