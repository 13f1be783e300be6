using System.Globalization;
using System.Runtime.InteropServices;
using StreamGen.Tests.Synthetic;

namespace StreamGen.Benchmarks;

/// <summary>
/// The generator as a user runs it: <c>streamgen gen</c> as a process, start-up included, on designs/logger.yaml and on
/// the synthetic 1,000-method design, next to <c>protoc --csharp_out --grpc_out</c> (Grpc.Tools' protoc and
/// grpc_csharp_plugin) on the .proto streamgen writes for the same design. Rounds are interleaved (streamgen, protoc,
/// the other builds, then again) so load on the machine falls on all of them alike; each run writes into a new empty
/// folder. Figures are medians of wall-clock and of CPU milliseconds (user + system, children included).
/// The full run also publishes the tool without ReadyToRun and runs it under other JIT settings, so the table shows
/// what each buys, and the packaged build writing into a folder in memory (tmpfs), which separates the generator's own
/// time from the disk's; <c>--aot</c> adds a Native AOT build when the machine can link one, <c>--self-contained</c> a
/// self-contained build with the framework and the tool in one composite ReadyToRun image.
/// Targets: the logger under 300 ms, the synthetic design under 1 s, each at most 2x protoc (wall-clock).
/// <c>dotnet run -c Release --project tests/StreamGen.Benchmarks -- gen-process [--quick] [--reps N] [--aot] [--self-contained]</c>.
/// </summary>
internal static class GeneratorProcess
{
    /// <summary>The scenario's name in the table and on the command line.</summary>
    public const string Scenario = "gen-process";

    private const double LoggerTargetMs = 300;
    private const double SyntheticTargetMs = 1000;
    private const double ProtocRatioTarget = 2.0;

    /// <summary>
    /// Measures and prints the table; 0 when every run succeeded. <paramref name="quick"/>: one round of the solution's own
    /// build and protoc on the logger and a 100-method synthetic design, a smoke test of the scenario (seconds), not a
    /// measurement. Each command's median wall-clock time goes into <paramref name="table"/>, next to protoc's.
    /// </summary>
    internal static int Run(ResultTable table, bool quick, int? repetitions = null, bool aot = false, bool selfContained = false)
    {
        var rounds = repetitions ?? (quick ? 1 : 5);
        var work = ScratchFolders.Create("streamgen-gen-process");
        var memory = MemoryFolder();
        try
        {
            Console.WriteLine($"Generator as a process: {RuntimeInformation.OSDescription}, {RuntimeInformation.RuntimeIdentifier}, " +
                $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {rounds} interleaved round(s){(quick ? ", QUICK (smoke test, figures meaningless)" : "")}. {LoadAverage()}");
            var builds = Builds(quick, aot, selfContained, memory);
            if (builds.Count == 0)
            {
                return 1;
            }

            // The smoke run takes a tenth of the synthetic design: it checks that everything runs, in seconds.
            var methods = quick ? 100 : 1000;
            var syntheticPath = Path.Combine(work, "synthetic.yaml");
            File.WriteAllText(syntheticPath, SyntheticDesign.Create(methods));
            var designs = new (string Name, string Path, double TargetMs)[]
            {
                ("designs/logger.yaml", Path.Combine(GeneratorProcessTools.RepositoryRoot, "designs", "logger.yaml"), LoggerTargetMs),
                ($"synthetic, {methods:N0} methods", syntheticPath, SyntheticTargetMs),
            };
            foreach (var design in designs)
            {
                Measure(table, design.Name, design.Path, design.TargetMs, builds, rounds, quick, Path.Combine(work, design.Name.Split(',')[0].Replace('/', '-')));
            }

            Console.WriteLine(LoadAverage());
            return 0;
        }
        catch (GeneratorProcessFailure failure)
        {
            Console.WriteLine("gen-process: " + failure.Message);
            return 1;
        }
    }

    /// <summary>
    /// A new folder on a memory file system (Linux's /dev/shm), or null where there is none. The synthetic design writes
    /// 2,315 files, and what creating a file costs depends on the disk and the file system's state: the row writing
    /// here is the generator's time without the disk's.
    /// </summary>
    private static string? MemoryFolder()
    {
        const string shm = "/dev/shm";
        if (!OperatingSystem.IsLinux() || !Directory.Exists(shm))
        {
            return null;
        }

        try
        {
            return ScratchFolders.Create("streamgen-gen-process", shm);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The streamgen builds to compare; the first is the one users get (the package's build, or the solution's when quick).</summary>
    private static List<GeneratorProcessCommand> Builds(bool quick, bool aot, bool selfContained, string? memory)
    {
        if (quick)
        {
            var built = GeneratorProcessTools.SolutionBuild();
            if (built is null)
            {
                Console.WriteLine("gen-process: src/StreamGen.Cli is not built in this configuration; build the solution first.");
                return [];
            }

            return [GeneratorProcessCommand.Streamgen("streamgen (solution build)", built)];
        }

        Console.WriteLine("Publishing the tool for this platform (as its package ships it, and variants) into artifacts/benchmarks/gen-process/ ...");
        var packed = GeneratorProcessTools.Publish("r2r");
        var jit = GeneratorProcessTools.Publish("jit", "PublishReadyToRun=false");
        if (packed is null || jit is null)
        {
            return [];
        }

        var builds = new List<GeneratorProcessCommand>
        {
            // As packed: R2R, tiering off (its runtimeconfig); the environment turns tiering back on, without or with dynamic
            // PGO, for comparison.
            GeneratorProcessCommand.Streamgen("streamgen R2R (as packed)", packed),
            GeneratorProcessCommand.Streamgen("streamgen R2R, tiered, no PGO", packed, ("DOTNET_TieredCompilation", "1"), ("DOTNET_TieredPGO", "0")),
            GeneratorProcessCommand.Streamgen("streamgen R2R, tiered with PGO", packed, ("DOTNET_TieredCompilation", "1"), ("DOTNET_TieredPGO", "1")),
            GeneratorProcessCommand.Streamgen("streamgen JIT only (tiered)", jit),
            GeneratorProcessCommand.Streamgen("streamgen JIT only, TC=0", jit, ("DOTNET_TieredCompilation", "0")),
        };
        if (memory is not null)
        {
            builds.Add(builds[0] with { Name = "streamgen R2R, output on tmpfs", OutputRoot = memory });
        }

        var folders = new List<(string Name, string Program)> { ("R2R (as packed)", packed), ("JIT only", jit) };
        if (selfContained && GeneratorProcessTools.Publish("self-contained", "SelfContained=true", "PublishReadyToRunComposite=true") is { } composite)
        {
            builds.Add(GeneratorProcessCommand.Streamgen("streamgen self-contained, composite R2R", composite));
            folders.Add(("self-contained", composite));
        }

        if (aot && GeneratorProcessTools.Publish("aot", "PublishAot=true", "PublishReadyToRun=false") is { } native)
        {
            builds.Add(GeneratorProcessCommand.Streamgen("streamgen Native AOT", native));
            folders.Add(("Native AOT", native));
        }

        foreach (var (name, file) in folders)
        {
            Console.WriteLine($"  {name,-16} publish folder {GeneratorProcessTools.FolderBytes(file) / 1e6,6:N1} MB");
        }

        return builds;
    }

    private static void Measure(ResultTable table, string name, string design, double targetMs, List<GeneratorProcessCommand> builds, int rounds, bool quick, string work)
    {
        Directory.CreateDirectory(work);

        // One untimed run gives the .proto protoc compiles (streamgen writes it for a gRPC design) and warms the file cache.
        var source = Path.Combine(work, "proto-source");
        Check(builds[0], GeneratorProcessRun.Time(builds[0].FileName, builds[0].Arguments(design, source), builds[0].Environment));
        var proto = Directory.GetFiles(Path.Combine(source, "gen"), "*.proto", SearchOption.AllDirectories).Single();
        var protoc = GeneratorProcessCommand.Protoc(GeneratorProcessTools.Protoc(), Path.Combine(source, "gen"), proto);

        // streamgen as packed first, protoc next to it, then the other builds; gRPC alone is protoc's share of the work.
        var commands = new List<GeneratorProcessCommand> { builds[0], protoc };
        commands.AddRange(builds.Skip(1));
        if (!quick)
        {
            commands.Add(builds[0] with { Name = "streamgen R2R, gRPC only", Extra = ["--transports", "grpc", "--no-docs"] });
        }

        var timings = commands.ToDictionary(c => c.Name, _ => new List<GeneratorProcessTiming>());
        var outputs = new Dictionary<string, (int Files, long Bytes)>();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < commands.Count; i++)
            {
                var command = commands[i];
                var output = Path.Combine(command.OutputRoot ?? work, $"{round}-{i}");
                Directory.CreateDirectory(output);
                var timing = GeneratorProcessRun.Time(command.FileName, command.Arguments(design, output), command.Environment);
                Check(command, timing);
                timings[command.Name].Add(timing);
                var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
                outputs[command.Name] = (files.Length, files.Sum(f => new FileInfo(f).Length));

                // Outputs stay until the benchmark ends (ScratchFolders). On ext4, creating files in the minute after
                // thousands were deleted costs ~1 ms each in CPU (the inode allocator skips recently deleted inodes, one
                // lookup per inode: `recently_deleted` and `find_inode_bit` in perf): deleting each run's output made the
                // next run's write stage 3 s instead of 0.4 s on the synthetic design. A user's first gen does not start
                // there (regenerating a large design in a tight loop can: gen/ is replaced whole, the old tree deleted).
            }
        }

        var baseline = Median(timings[protoc.Name], t => t.WallMilliseconds);
        var baselineCpu = Median(timings[protoc.Name], t => t.CpuMilliseconds);
        Console.WriteLine();
        Console.WriteLine($"{name}: streamgen gen DESIGN -o NEW_FOLDER vs protoc on its .proto ({Path.GetFileName(proto)})");
        Console.WriteLine($"  {"command",-30} {"wall ms",8} {"min - max",15} {"CPU ms",8} {"files",6} {"MB out",7} {"wall vs protoc",15} {"CPU vs protoc",14}");
        foreach (var command in commands)
        {
            var runs = timings[command.Name];
            var wall = Median(runs, t => t.WallMilliseconds);
            var cpu = Median(runs, t => t.CpuMilliseconds);
            var (files, bytes) = outputs[command.Name];
            Console.WriteLine($"  {command.Name,-30} {wall,8:N0} {$"{runs.Min(t => t.WallMilliseconds):N0} - {runs.Max(t => t.WallMilliseconds):N0}",15} {cpu,8:N0} {files,6} {bytes / 1e6,7:N2} {wall / baseline,14:N2}x {cpu / baselineCpu,13:N2}x");
        }

        var packed = Median(timings[builds[0].Name], t => t.WallMilliseconds);
        Console.WriteLine($"  target: {builds[0].Name} < {targetMs:N0} ms: {Verdict(packed < targetMs)}; <= {ProtocRatioTarget:N1}x protoc: {Verdict(packed / baseline <= ProtocRatioTarget)} ({packed / baseline:N2}x)");
        foreach (var command in commands.Where(c => c.Name != protoc.Name))
        {
            var runs = timings[command.Name];
            var wall = Median(runs, t => t.WallMilliseconds);
            var first = command == builds[0];
            table.Add(new ResultRow(Scenario, $"wall ms, start-up included, {name}", command.Name, wall, "ms", runs.Min(t => t.WallMilliseconds), runs.Max(t => t.WallMilliseconds),
                Baseline: protoc.Name, BaselineValue: baseline,
                Target: first ? $"< {targetMs:N0} ms and <= {ProtocRatioTarget:N1}x protoc" : null,
                Met: first ? wall < targetMs && wall / baseline <= ProtocRatioTarget : null));
            table.Add(new ResultRow(Scenario, $"CPU ms (user + system), {name}", command.Name, Median(runs, t => t.CpuMilliseconds), "ms", runs.Min(t => t.CpuMilliseconds), runs.Max(t => t.CpuMilliseconds),
                Baseline: protoc.Name, BaselineValue: baselineCpu));
        }
        if (!quick)
        {
            // Where the packed build's time goes, from the same machine state (one run, STREAMGEN_TIMINGS=1).
            var profiled = builds[0] with { Variables = [.. builds[0].Variables, ("STREAMGEN_TIMINGS", "1")] };
            var output = Path.Combine(work, "timings");
            var timing = GeneratorProcessRun.Time(profiled.FileName, profiled.Arguments(design, output), profiled.Environment);
            Check(profiled, timing);
            foreach (var line in timing.Output.Split('\n').Where(l => l.StartsWith("streamgen timings:", StringComparison.Ordinal)))
            {
                Console.WriteLine("  " + line.TrimEnd());
            }
        }
    }

    private static void Check(GeneratorProcessCommand command, GeneratorProcessTiming timing)
    {
        if (timing.ExitCode != 0)
        {
            throw new GeneratorProcessFailure($"{command.Name} exited with {timing.ExitCode}:\n{timing.Output}");
        }
    }

    private static double Median(List<GeneratorProcessTiming> runs, Func<GeneratorProcessTiming, double> value)
    {
        var sorted = runs.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    // Other work on the machine moves these figures more than anything measured here: the load shows when it did.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"Load average (1/5/15 min): {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}." : "";
}
