using System.Diagnostics;
using StreamGen.Generation;

namespace StreamGen.Cli;

/// <summary>
/// <c>STREAMGEN_TIMINGS=1</c>: <c>gen</c> prints where its time went to stderr, stage by stage, starting with the
/// process start-up (runtime, assembly loading and command-line parsing before <c>gen</c> runs), for profiling the tool
/// as a user runs it without a tracer.
/// </summary>
internal static class TimingsReport
{
    public const string Variable = "STREAMGEN_TIMINGS";

    /// <summary>A recorder with the start-up already in it when the variable is 1, else null (nothing is recorded).</summary>
    public static GenerationTimings? Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return null;
        }

        var timings = new GenerationTimings();
        timings.RecordProcess("start-up (process to gen)", SinceProcessStart());
        return timings;
    }

    /// <summary>Records the whole process so far and prints every stage.</summary>
    public static void Print(GenerationTimings? timings, TextWriter error)
    {
        if (timings is null)
        {
            return;
        }

        timings.RecordProcess("process in all", SinceProcessStart());

        foreach (var line in timings.Lines())
        {
            error.WriteLine("streamgen timings: " + line);
        }

        // What the run loaded besides the framework: a dependency gen does not need shows here.
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name!)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) || name == "System.CommandLine")
            .Where(name => name is not ("mscorlib" or "netstandard"))
            .Order(StringComparer.Ordinal);
        error.WriteLine("streamgen timings: assemblies " + string.Join(", ", loaded));
    }

    private static double SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return (DateTime.Now - process.StartTime).TotalMilliseconds;
    }
}
