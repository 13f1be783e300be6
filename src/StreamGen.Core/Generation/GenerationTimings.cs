using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace StreamGen.Generation;

/// <summary>
/// Where a run's time goes, stage by stage (<c>STREAMGEN_TIMINGS=1</c> prints it to stderr): wall-clock milliseconds of
/// each sequential stage, and for the stages that run per file in parallel the CPU milliseconds summed over files
/// (shown apart, as they overlap the wall-clock stage that contains them). Each stage also shows how many methods the
/// JIT compiled during it and the time that took, and the CPU time the process used during it (all threads: the figure
/// that moves least when other work shares the machine), with the bytes it allocated and the time collections paused it
/// (collections scale with what is live, so a stage that allocates much slows the stages after it too). JIT work is what
/// a process start pays that a warm run does not. Thread-safe.
/// </summary>
public sealed class GenerationTimings
{
    private readonly ConcurrentQueue<(string Stage, double Milliseconds, double CpuMilliseconds, long JitMethods, double JitMilliseconds, long AllocatedBytes, double GcMilliseconds)> _stages = new();
    private readonly ConcurrentDictionary<string, long> _perFileTicks = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="stage"/> and records its wall-clock time under <paramref name="name"/>.</summary>
    public T Measure<T>(string name, Func<T> stage)
    {
        var start = Stopwatch.GetTimestamp();
        var cpu = Environment.CpuUsage.TotalTime;
        var methods = JitInfo.GetCompiledMethodCount();
        var jit = JitInfo.GetCompilationTime();
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        try
        {
            return stage();
        }
        finally
        {
            _stages.Enqueue((
                name,
                Stopwatch.GetElapsedTime(start).TotalMilliseconds,
                (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds,
                JitInfo.GetCompiledMethodCount() - methods,
                (JitInfo.GetCompilationTime() - jit).TotalMilliseconds,
                GC.GetTotalAllocatedBytes() - allocated,
                (GC.GetTotalPauseDuration() - paused).TotalMilliseconds));
        }
    }

    /// <summary>Records a wall-clock stage measured by the caller (its JIT figures unknown).</summary>
    public void Record(string name, double milliseconds) => _stages.Enqueue((name, milliseconds, double.NaN, -1, 0, 0, 0));

    /// <summary>Records the process so far (its start-up, or its whole run): the time given, and all its CPU and JIT work until now.</summary>
    public void RecordProcess(string name, double milliseconds) =>
        _stages.Enqueue((name, milliseconds, Environment.CpuUsage.TotalTime.TotalMilliseconds, JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime().TotalMilliseconds,
            GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration().TotalMilliseconds));

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>) to a per-file sum.</summary>
    public void AddPerFile(string name, long startTimestamp) =>
        _perFileTicks.AddOrUpdate(name, Stopwatch.GetTimestamp() - startTimestamp, (_, sum) => sum + Stopwatch.GetTimestamp() - startTimestamp);

    /// <summary>One line per stage, in the order they ran, then the per-file sums: <c>streamgen timings: parse 12.3 ms</c>.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var (stage, milliseconds, cpuMilliseconds, jitMethods, jitMilliseconds, allocatedBytes, gcMilliseconds) in _stages)
        {
            yield return jitMethods < 0
                ? string.Create(CultureInfo.InvariantCulture, $"{stage,-28} {milliseconds,9:F1} ms")
                : string.Create(CultureInfo.InvariantCulture, $"{stage,-28} {milliseconds,9:F1} ms  CPU {cpuMilliseconds,8:F1} ms  (JIT: {jitMethods,5} methods, {jitMilliseconds,6:F1} ms; {allocatedBytes / 1e6,6:F1} MB allocated, GC paused {gcMilliseconds,6:F1} ms)");
        }

        foreach (var (stage, ticks) in _perFileTicks.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{stage + " (CPU, all files)",-28} {ticks * 1000.0 / Stopwatch.Frequency,9:F1} ms");
        }

        // Collections pause every thread and scale with what is live, so a stage that allocates heavily shows here
        // rather than in its own figures.
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"{"garbage collections",-28} gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; heap {GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / 1e6:F0} MB at the last");
    }
}
