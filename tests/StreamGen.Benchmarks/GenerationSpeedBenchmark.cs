namespace StreamGen.Benchmarks;

/// <summary>Wires <see cref="GenerationSpeed"/> (the generator in-process, warm) into the table.</summary>
internal sealed class GenerationSpeedBenchmark : IBenchmark
{
    public string Name => "gen";

    public string Description => "generation in-process, warm: designs/logger.yaml and a synthetic 1,000-method design";

    public Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        foreach (var timing in GenerationSpeed.Print(context.Quick))
        {
            context.Table.Add(new ResultRow(Name, $"warm generation, {timing.Design}", "streamgen (in-process)", timing.WarmMs, "ms", timing.WarmMs, timing.WarmMs,
                Target: $"< {timing.TargetMs:N0} ms", Met: timing.WarmMs < timing.TargetMs));
            context.Table.Add(new ResultRow(Name, $"first generation in the process, {timing.Design}", "streamgen (in-process)", timing.FirstMs, "ms", timing.FirstMs, timing.FirstMs));
            context.Table.Add(new ResultRow(Name, $"warm generation + atomic write, {timing.Design}", "streamgen (in-process)", timing.WrittenMs, "ms", timing.WrittenMs, timing.WrittenMs));
        }

        return Task.CompletedTask;
    }
}
