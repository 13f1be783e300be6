// Measures the generated code of examples/logger against hand-written baselines measured in the same run, so the
// ratios are fair on whatever machine runs it:
//   dotnet run -c Release --project tests/StreamGen.Benchmarks -- [all|NAME...] [--quick] [--diag] [--reps N] [--only TEXT] [--out DIR]
// all runs every scenario of Benchmarks.All (NAME runs one; the usage text lists them) and writes the table as JSON and
// Markdown to artifacts/benchmarks/ (or DIR). Scenario options: gen-process --aot (adds a Native AOT build) and
// --self-contained (adds a self-contained composite ReadyToRun build), redis-scale --large (adds 10,000
// subscribers; redis-scale runs by name only, see RedisScaleOutBenchmark).
// --quick runs tiny counts: a smoke test that every scenario works end to end, not a measurement.
// --diag adds rows pairing a generated server with a hand-written client and the reverse (which end is slow), and
// the per-item CPU cost of the generated code's extra steps measured alone.
// --only TEXT keeps the subjects whose name contains TEXT (for profiling one of them with dotnet-trace).
// logger-server is not a scenario: it is the separate server process the fan-out and hostile-peer scenarios start.
using System.Globalization;
using System.Runtime;
using StreamGen.Benchmarks;

if (args.Length > 0 && args[0] == LoggerProcess.SubCommand)
{
    return await LoggerProcess.ServeAsync(args[1..]);
}

var names = args.TakeWhile(a => !a.StartsWith('-')).ToList();
var selected = names.Count == 0 || names.Contains("all")
    ? [.. Benchmarks.All.Where(b => b.InAll || names.Contains(b.Name))]
    : Benchmarks.All.Where(b => names.Contains(b.Name)).ToList();
if (names.Except(["all"]).Any(n => Benchmarks.All.All(b => b.Name != n)))
{
    Console.Error.WriteLine("usage: StreamGen.Benchmarks [all|NAME...] [--quick] [--diag] [--reps N] [--only TEXT] [--out DIR] [--aot] [--self-contained] [--large]");
    foreach (var benchmark in Benchmarks.All)
    {
        Console.Error.WriteLine($"  {benchmark.Name,-12} {benchmark.Description}");
    }

    return 2;
}

var quick = args.Contains("--quick");
var diag = args.Contains("--diag");
var repetitions = Option("--reps") is { } reps ? int.Parse(reps, CultureInfo.InvariantCulture) : quick ? 1 : 5;
var output = Option("--out") ?? Path.Combine(RepositoryRoot(), "artifacts", "benchmarks");
var table = new ResultTable("dotnet run -c Release --project tests/StreamGen.Benchmarks -- " + string.Join(' ', args), quick);
var context = new BenchmarkContext(quick, diag, repetitions, Option("--only"), table, [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal))]);

Console.WriteLine($"StreamGen benchmark: .NET {Environment.Version}, {Environment.ProcessorCount} cores, " +
    $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {repetitions} repetition(s){(quick ? ", QUICK (smoke test, figures meaningless)" : "")}");
Console.WriteLine("In-process scenarios run Kestrel on 127.0.0.1 with their clients in the same process, so CPU and allocations are both ends';");
Console.WriteLine("fanout and the hostile-peer scenarios start the logger in a separate process, whose memory is its own.");
Console.WriteLine($"Load average (1/5/15 min): {ResultTable.LoadAverage()}.");
Console.WriteLine();

if (diag)
{
    PerItemCosts.Print(Workload.Create(100), quick ? 10_000 : 2_000_000);
    PerItemCosts.Print(Workload.Create(4096), quick ? 10_000 : 200_000);
}

var failed = new List<string>();
foreach (var benchmark in selected)
{
    Console.WriteLine($"== {benchmark.Name}: {benchmark.Description} (load {ResultTable.LoadAverage()})");
    var started = System.Diagnostics.Stopwatch.GetTimestamp();
    string? error = null;
    try
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(quick ? 2 : 30));
        await benchmark.RunAsync(context, timeout.Token);
        if (benchmark is not ServerStreamingBenchmark and not GenerationSpeedBenchmark and not GeneratorProcessBenchmark and not RedisScaleOutBenchmark)
        {
            table.Print(benchmark.Name);
        }
    }
    catch (Exception e)
    {
        // One broken scenario must not hide the others' figures; the exit code says it failed.
        failed.Add(benchmark.Name);
        error = e.Message;
        Console.WriteLine($"{benchmark.Name} FAILED: {e}");
    }

    var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
    table.Ran(benchmark.Name, seconds, error);
    Console.WriteLine($"   ({benchmark.Name} took {seconds:N1} s)");
    Console.WriteLine();
}

// The generator scenarios' outputs, deleted only now: see ScratchFolders.
ScratchFolders.DeleteAll();
var (json, markdown) = table.Write(output);
Console.WriteLine($"Table written to {json} and {markdown}. Load average (1/5/15 min): {ResultTable.LoadAverage()}.");
if (failed.Count > 0)
{
    Console.WriteLine($"FAILED: {string.Join(", ", failed)}");
    return 1;
}

return 0;

string? Option(string name) => Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? args[at + 1] : null;

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StreamGen.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
