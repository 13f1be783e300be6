using System.Diagnostics;
using StreamGen.Generation;
using StreamGen.Tests.Synthetic;

namespace StreamGen.Benchmarks;

/// <summary>
/// How long `streamgen gen` takes, the generation work alone, warm (the process has generated before): parse, validate,
/// resolve, render and parse the C# back with Roslyn; then the same plus writing to disk through the atomic writer.
/// Targets: designs/logger.yaml under 300 ms, a synthetic 1,000-method design under 2 s.
/// </summary>
internal static class GenerationSpeed
{
    private static readonly GenerationOptions Options = new("bench");

    /// <summary>Prints the figures and returns them: per design, the first run, warm and warm + write, in ms.</summary>
    public static IReadOnlyList<GenerationTiming> Print(bool quick)
    {
        var logger = File.ReadAllText(Path.Combine(RepositoryRoot(), "designs", "logger.yaml"));
        // The smoke run (--quick) only proves the path works: 50 methods keep it to seconds.
        var methods = quick ? 50 : 1000;
        var synthetic = SyntheticDesign.Create(methods);
        Console.WriteLine("Generation speed (median of warm runs; the first run of the process shown apart):");
        GenerationTiming[] timings =
        [
            Report("designs/logger.yaml", logger, quick ? 2 : 20, 300),
            Report($"synthetic, {methods:N0} methods", synthetic, quick ? 1 : 5, quick ? 200 : 2000),
        ];
        Console.WriteLine();
        return timings;
    }

    private static GenerationTiming Report(string name, string design, int runs, double targetMs)
    {
        var first = Time(() => Generate(design));
        var inMemory = Median(Enumerable.Range(0, runs).Select(_ => Time(() => Generate(design))));
        var output = ScratchFolders.Create("streamgen-bench");
        var written = Median(Enumerable.Range(0, runs).Select(i => Time(() =>
        {
            var result = Generate(design);
            new OutputWriter(Path.Combine(output, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Write(result.Files, force: false);
        })));
        var files = Generate(design).Files.Count;
        Console.WriteLine($"  {name,-26} {files,5} files  first run {first,7:N0} ms  warm {inMemory,7:N0} ms  warm + atomic write {written,7:N0} ms  " +
            $"target < {targetMs:N0} ms: {(inMemory < targetMs ? "met" : "MISSED")}");
        return new GenerationTiming(name, first, inMemory, written, targetMs);
    }

    private static GenerationResult Generate(string design)
    {
        var result = StreamGenerator.Generate(design, "design.yaml", Options);
        return result.Succeeded ? result : throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(3)));
    }

    private static double Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StreamGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("StreamGen.sln not found");
    }
}

/// <summary>How long generating one design took, in ms: the process's first run, warm, and warm with the atomic write.</summary>
internal sealed record GenerationTiming(string Design, double FirstMs, double WarmMs, double WrittenMs, double TargetMs);
