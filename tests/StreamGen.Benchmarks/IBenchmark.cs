namespace StreamGen.Benchmarks;

/// <summary>
/// One scenario of the benchmark: runnable alone by <see cref="Name"/> (`-- ws`) and as part of `all`, in the order of
/// <see cref="Benchmarks.All"/>. It prints its own figures as it goes and adds them to the run's table.
/// </summary>
internal interface IBenchmark
{
    /// <summary>Command-line name: lower case, no spaces ("ws", "fanout").</summary>
    string Name { get; }

    /// <summary>One line for the usage text: what the scenario measures against which baseline.</summary>
    string Description { get; }

    /// <summary>Whether `all` runs it (a scenario left out runs by name only).</summary>
    bool InAll => true;

    Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken);
}
