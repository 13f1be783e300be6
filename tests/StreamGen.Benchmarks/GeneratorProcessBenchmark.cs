namespace StreamGen.Benchmarks;

/// <summary>Wires <see cref="GeneratorProcess"/> (streamgen gen as a process, next to protoc) into the table; <c>--aot</c> adds a Native AOT build, <c>--self-contained</c> a self-contained composite ReadyToRun one.</summary>
internal sealed class GeneratorProcessBenchmark : IBenchmark
{
    public string Name => GeneratorProcess.Scenario;

    public string Description => "streamgen gen as a process (start-up included), ReadyToRun and JIT builds, vs protoc on the same .proto";

    public Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        if (GeneratorProcess.Run(context.Table, context.Quick, context.Repetitions, context.Has("--aot"), context.Has("--self-contained")) != 0)
        {
            throw new InvalidOperationException("a generator run failed (see above)");
        }

        return Task.CompletedTask;
    }
}
