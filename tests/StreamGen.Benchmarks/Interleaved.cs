namespace StreamGen.Benchmarks;

/// <summary>A measured subject of a comparison: one call is one round, returning its figures by metric name.</summary>
internal sealed record Subject(string Name, Func<CancellationToken, Task<IReadOnlyDictionary<string, double>>> RunAsync);

/// <summary>A metric a comparison reports: its name in the table and its unit.</summary>
internal sealed record Metric(string Name, string Unit);

/// <summary>The figures of every round of every subject of one comparison.</summary>
internal sealed class InterleavedResult(IReadOnlyList<string> subjects, IReadOnlyList<Metric> metrics)
{
    private readonly Dictionary<(string, string), List<double>> _values = [];

    public IReadOnlyList<string> Subjects => subjects;

    public IReadOnlyList<Metric> Metrics => metrics;

    public void Add(string subject, string metric, double value)
    {
        if (!_values.TryGetValue((subject, metric), out var list))
        {
            _values[(subject, metric)] = list = [];
        }

        list.Add(value);
    }

    public IReadOnlyList<double> Values(string subject, string metric) => _values.TryGetValue((subject, metric), out var list) ? list : [];

    public double Median(string subject, string metric) => Stats.Median(Values(subject, metric));
}

/// <summary>
/// Runs the subjects of a comparison in warm-up rounds, then in measured rounds interleaved so that each round starts
/// with a different subject: drift (other load on the shared machine, heap growth, thermal) spreads over all of them
/// instead of favouring whichever runs first. The first subject is the baseline.
/// </summary>
internal static class Interleaved
{
    public static async Task<InterleavedResult> RunAsync(IReadOnlyList<Subject> subjects, IReadOnlyList<Metric> metrics, int warmups, int rounds, CancellationToken cancellationToken)
    {
        var result = new InterleavedResult([.. subjects.Select(s => s.Name)], metrics);
        for (var i = 0; i < warmups; i++)
        {
            foreach (var subject in subjects)
            {
                await subject.RunAsync(cancellationToken);
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < subjects.Count; k++)
            {
                var subject = subjects[(round + k) % subjects.Count];
                Collect();
                foreach (var (metric, value) in await subject.RunAsync(cancellationToken))
                {
                    result.Add(subject.Name, metric, value);
                }
            }
        }

        return result;
    }

    /// <summary>A collection now keeps the previous round's garbage from being paid for inside the next one.</summary>
    public static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
