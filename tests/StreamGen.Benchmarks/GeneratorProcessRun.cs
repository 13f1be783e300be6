using System.Diagnostics;
using System.Runtime.InteropServices;

namespace StreamGen.Benchmarks;

/// <summary>
/// Runs one command as a user would and times it: wall-clock milliseconds from start to exit (process start-up
/// included), and the CPU milliseconds (user + system) it and its children used, from getrusage(RUSAGE_CHILDREN)
/// before and after, which moves far less than wall time when other work shares the machine (NaN where unavailable).
/// </summary>
internal static class GeneratorProcessRun
{
    private const int ChildrenOfThisProcess = -1;

    public static GeneratorProcessTiming Time(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var cpuBefore = ChildrenCpuMilliseconds();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = stopwatch.Elapsed.TotalMilliseconds;
        var cpu = ChildrenCpuMilliseconds() - cpuBefore;
        return new GeneratorProcessTiming(wall, cpu, process.ExitCode, output.Result + error.Result);
    }

    private static double ChildrenCpuMilliseconds()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return double.NaN;
        }

        return GetResourceUsage(ChildrenOfThisProcess, out var usage) == 0
            ? (usage.UserSeconds + usage.SystemSeconds) * 1000.0 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0
            : double.NaN;
    }

#pragma warning disable SYSLIB1054 // A blittable out struct: DllImport needs no marshalling code, so no unsafe blocks for LibraryImport.
    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);
#pragma warning restore SYSLIB1054

    /// <summary>struct rusage on 64-bit Linux and macOS: two timevals, then 14 longs this does not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
