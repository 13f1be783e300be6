using System.Diagnostics;
using Acme.Logger;
using Grpc.Net.Client;
using Protos = Acme.Logger.Protos;

namespace StreamGen.Benchmarks;

/// <summary>
/// Bidirectional ping-pong (`watch`): the client sends one filter update and waits for the one record the server sends
/// back, over and over on one open stream. Round-trip latency p50/p99, generated WebSocket against the raw Kestrel
/// WebSocket, generated gRPC against hand-written grpc-dotnet.
/// </summary>
internal sealed class PingPongBenchmark : IBenchmark
{
    private const string P50 = "round trip p50";
    private const string P99 = "round trip p99";

    public string Name => "watch";

    public string Description => "bidirectional ping-pong (watch) latency p50/p99: generated vs raw Kestrel WebSocket and hand-written grpc-dotnet";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var workload = new Workload();
        workload.Set(Workload.Create(100), 0);
        var pings = context.Pick(5_000, 100);
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

        Subject Make(string name, Func<CancellationToken, Task<RoundTrip>> open) => new(name, async token =>
        {
            var peer = await open(token);
            var samples = new double[pings];
            var update = new FilterUpdate { Action = FilterUpdateAction.Add, Topic = Workload.Topic };
            for (var i = 0; i < pings; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var record = await peer.PingAsync(update, token);
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                if (record.Message != workload.Item.Message)
                {
                    throw new InvalidOperationException($"{name}: the record came back mangled");
                }
            }

            await peer.CloseAsync();
            return new Dictionary<string, double> { [P50] = Stats.Percentile(samples, 50), [P99] = Stats.Percentile(samples, 99) };
        });

        List<Subject> subjects =
        [
            Make("raw WebSocket", token => RawWebSocketCalls.WatchAsync(rawWs.Address, token)),
            Make("generated WebSocket", token => GeneratedAsync(httpClient, token)),
            Make("hand-written gRPC", token => Task.FromResult(RawGrpc.Watch(protocClient, token))),
            Make("generated gRPC", token => GeneratedAsync(grpcClient, token)),
        ];
        var result = await Interleaved.RunAsync(subjects, [new(P50, "us"), new(P99, "us")], warmups: context.Pick(2, 1), context.Repetitions, cancellationToken);
        context.Table.AddComparison(Name, result, baselineOf: ClientStreamingBenchmark.BaselineOf);
    }

    private static async Task<RoundTrip> GeneratedAsync(ILoggerClient client, CancellationToken cancellationToken)
    {
        var stream = await client.WatchAsync(new WatchPayload(), cancellationToken);
        return new RoundTrip(
            async (update, token) =>
            {
                await stream.SendAsync(update, token);
                return await stream.RecvAsync(token) ?? throw new InvalidOperationException("the watch ended early");
            },
            async () =>
            {
                await stream.CloseAsync(CancellationToken.None);
                while (await stream.RecvAsync(CancellationToken.None) is not null)
                {
                }

                await stream.DisposeAsync();
            });
    }
}
