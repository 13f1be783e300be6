namespace StreamGen.Benchmarks;

/// <summary>
/// Every scenario, in the order `all` runs them. A new scenario is one class implementing <see cref="IBenchmark"/> and
/// one line here; the --quick smoke test (StreamGen.E2E.Tests BenchmarkSmokeTests) then runs it in the default test
/// run and checks that it produced figures.
/// </summary>
internal static class Benchmarks
{
    public static readonly IReadOnlyList<IBenchmark> All =
    [
        new ServerStreamingBenchmark("ws"),
        new ServerStreamingBenchmark("grpc"),
        new FloorBenchmark(),
        new ClientStreamingBenchmark(),
        new PingPongBenchmark(),
        new ServerSentEventsBenchmark(),
        new SseWriterBenchmark(),
        new ServerSentEventsReconnectBenchmark(),
        new RawBodyBenchmark(),
        new FanOutBenchmark(),
        new SlowSubscriberBenchmark(),
        new HostilePeerMemoryBenchmark(),
        new GenerationSpeedBenchmark(),
        new GeneratorProcessBenchmark(),
        new RedisScaleOutBenchmark(),
    ];
}
