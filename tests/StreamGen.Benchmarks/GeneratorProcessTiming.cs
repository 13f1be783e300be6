namespace StreamGen.Benchmarks;

/// <summary>One run: wall-clock and CPU milliseconds, exit code, and what it printed (for the error when it failed).</summary>
internal sealed record GeneratorProcessTiming(double WallMilliseconds, double CpuMilliseconds, int ExitCode, string Output);
