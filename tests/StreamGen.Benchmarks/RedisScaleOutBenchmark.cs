namespace StreamGen.Benchmarks;

/// <summary>Wires <see cref="RedisScaleOut"/> (1 to 3 instances on one Redis) into the table; <c>--large</c> adds 10,000 subscribers.</summary>
internal sealed class RedisScaleOutBenchmark : IBenchmark
{
    public string Name => RedisScaleOut.Scenario;

    // Runs by name only: in `all --quick` after the other scenarios its first entry did not reach every subscriber within
    // 60 s in 2 of 5 runs (alone it passed every time); until that is understood it stays out of `all` and of the smoke
    // test, and the broadcast is covered by the Redis unit tests and the scale-out E2E tests.
    public bool InAll => false;

    public string Description => "Redis scale-out: 1, 2, 3 instances on one redis-server, 100 and 1,000 subscribers (--large: 10,000)";

    public Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken) =>
        RedisScaleOut.RunAsync(new RedisScaleOutOptions { Quick = context.Quick, Large = context.Has("--large") }, context.Table);
}
