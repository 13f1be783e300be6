using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace StreamGen.Generation;

/// <summary>
/// Where a run's time goes, stage by stage (<c>STREAMGEN_TIMINGS=1</c> prints it to stderr): wall-clock milliseconds of
/// each sequential stage, and for the stages that run per file in parallel the CPU milliseconds summed over files
/// (shown apart, as they overlap the wall-clock stage that contains them). Thread-safe.
/// </summary>
public sealed class GenerationTimings
{
    private readonly ConcurrentQueue<(string Stage, double Milliseconds)> _stages = new();
    private readonly ConcurrentDictionary<string, long> _perFileTicks = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="stage"/> and records its wall-clock time under <paramref name="name"/>.</summary>
    public T Measure<T>(string name, Func<T> stage)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return stage();
        }
        finally
        {
            Record(name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    /// <summary>Records a wall-clock stage measured by the caller.</summary>
    public void Record(string name, double milliseconds) => _stages.Enqueue((name, milliseconds));

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>) to a per-file sum.</summary>
    public void AddPerFile(string name, long startTimestamp) =>
        _perFileTicks.AddOrUpdate(name, Stopwatch.GetTimestamp() - startTimestamp, (_, sum) => sum + Stopwatch.GetTimestamp() - startTimestamp);

    /// <summary>One line per stage, in the order they ran, then the per-file sums: <c>streamgen timings: parse 12.3 ms</c>.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var (stage, milliseconds) in _stages)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{stage,-28} {milliseconds,9:F1} ms");
        }

        foreach (var (stage, ticks) in _perFileTicks.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{stage + " (CPU, all files)",-28} {ticks * 1000.0 / Stopwatch.Frequency,9:F1} ms");
        }
    }
}
