namespace StreamGen.Benchmarks;

/// <summary>What every scenario of one run shares: the options it was started with and the table it adds rows to.</summary>
internal sealed class BenchmarkContext(bool quick, bool diag, int repetitions, string? only, ResultTable table, IReadOnlyCollection<string>? flags = null)
{
    /// <summary>Tiny counts: a smoke test that the scenario works end to end, its figures meaningless.</summary>
    public bool Quick => quick;

    /// <summary>Extra diagnostic rows (cross pairings, per-step costs).</summary>
    public bool Diag => diag;

    /// <summary>Measured rounds per subject, interleaved between subjects (warm-up rounds come on top).</summary>
    public int Repetitions => repetitions;

    /// <summary>Keeps the subjects whose name contains this text (for profiling one of them).</summary>
    public string? Only => only;

    public ResultTable Table => table;

    /// <summary>Whether the command line has <paramref name="flag"/> (a scenario's own option, e.g. gen-process' <c>--aot</c>).</summary>
    public bool Has(string flag) => flags?.Contains(flag) == true;

    /// <summary><paramref name="full"/> in a measuring run, <paramref name="smoke"/> in a quick one.</summary>
    public T Pick<T>(T full, T smoke) => quick ? smoke : full;
}
