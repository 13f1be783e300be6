using System.Diagnostics;

namespace StreamGen.Benchmarks;

/// <summary>Times one round of a throughput subject: messages per second and process CPU time per message.</summary>
internal static class Round
{
    public const string Rate = "msgs/s";
    public const string Cpu = "CPU us/msg";

    public static async Task<IReadOnlyDictionary<string, double>> ThroughputAsync(string label, long messages, Func<Task> body)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        await body();
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds;
        return new Dictionary<string, double> { [$"{Rate}, {label}"] = messages / seconds, [$"{Cpu}, {label}"] = cpu / messages };
    }

    public static IReadOnlyList<Metric> ThroughputMetrics(string label) => [new($"{Rate}, {label}", Rate), new($"{Cpu}, {label}", "us")];

    /// <summary>The current resident set of a process (VmRSS), in bytes; the Linux figure, 0 elsewhere.</summary>
    public static long ResidentBytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
