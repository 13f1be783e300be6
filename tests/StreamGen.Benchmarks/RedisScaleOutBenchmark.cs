namespace StreamGen.Benchmarks;

/// <summary>Wires <see cref="RedisScaleOut"/> (1 to 3 instances on one Redis) into the table; <c>--large</c> adds 10,000 subscribers.</summary>
internal sealed class RedisScaleOutBenchmark : IBenchmark
{
    public string Name => RedisScaleOut.Scenario;

    public string Description => "Redis scale-out: 1, 2, 3 instances on one redis-server, 100 and 1,000 subscribers (--large: 10,000)";

    public Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken) =>
        RedisScaleOut.RunAsync(new RedisScaleOutOptions { Quick = context.Quick, Large = context.Has("--large") }, context.Table);
}
