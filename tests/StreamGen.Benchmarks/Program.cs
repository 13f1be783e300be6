// Measures the generated transports of examples/logger against hand-written baselines in one process, so the ratios
// are fair on whatever machine runs it:
//   dotnet run -c Release --project tests/StreamGen.Benchmarks -- [all|ws|grpc|gen] [--quick] [--diag] [--reps N] [--only TEXT]
//   dotnet run -c Release --project tests/StreamGen.Benchmarks -- redis-scale [--quick] [--large]   (RedisScaleOut.cs)
// gen measures the generator itself (designs/logger.yaml and a synthetic 1,000-method design).
// --quick runs tiny counts: a smoke test that every scenario works end to end, not a measurement.
// --diag adds rows pairing a generated server with a hand-written client and the reverse (which end is slow), and
// the per-item CPU cost of the generated code's extra steps measured alone.
// --only TEXT keeps the scenarios whose name contains TEXT (for profiling one of them with dotnet-trace).
using System.Globalization;
using System.Runtime;
using StreamGen.Benchmarks;

var group = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "all";
if (group == "redis-scale")
{
    return await RedisScaleOut.RunAsync(new RedisScaleOutOptions { Quick = args.Contains("--quick"), Large = args.Contains("--large") });
}

if (group is not ("all" or "ws" or "grpc" or "gen"))
{
    Console.Error.WriteLine("usage: StreamGen.Benchmarks [all|ws|grpc|gen] [--quick] [--diag] [--reps N] [--only TEXT]");
    return 2;
}

var quick = args.Contains("--quick");
var diag = args.Contains("--diag");
var repetitions = Option("--reps") is { } reps ? int.Parse(reps, CultureInfo.InvariantCulture) : quick ? 1 : 5;
var only = Option("--only");

var small = Workload.Create(100);
var large = Workload.Create(4096);
Size[] Sizes(int smallCount, int largeCount) => quick
    ? [new("100 B", small, 2_000), new("4 KiB", large, 500)]
    : [new("100 B", small, smallCount), new("4 KiB", large, largeCount)];

Console.WriteLine($"StreamGen transport benchmark: .NET {Environment.Version}, {Environment.ProcessorCount} cores, " +
    $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {repetitions} repetition(s){(quick ? ", QUICK (smoke test, figures meaningless)" : "")}");
Console.WriteLine($"Servers are in-process Kestrel on 127.0.0.1; clients run in the same process, so CPU and allocations are both ends'.");
Console.WriteLine($"Items: SubscribeResult of {Workload.JsonLength(small)} B and {Workload.JsonLength(large)} B of JSON. {LoadAverage()}");
Console.WriteLine("Columns: CPU us/msg = process CPU time (client + server) per item; srv flush/msg = flushes the server's HTTP");
Console.WriteLine("layer handed to Kestrel's socket transport per item (below 1 means items were coalesced into shared writes).");
Console.WriteLine();

if (diag)
{
    PerItemCosts.Print(small, quick ? 10_000 : 2_000_000);
    PerItemCosts.Print(large, quick ? 10_000 : 200_000);
}

if (group is "all" or "gen")
{
    GenerationSpeed.Print(quick);
    if (group == "gen")
    {
        return 0;
    }
}

var workload = new Workload();
var results = new List<Measurement>();
if (group is "all" or "ws")
{
    List<Scenario> ws =
    [
        new("ws", "raw WebSocket", RawWebSocket.StartServerAsync, RawWebSocket.ConnectAsync),
        new("ws", "generated WebSocket", GeneratedWebSocket.StartServerAsync, GeneratedWebSocket.ConnectAsync),
        new("ws", "SignalR (JSON)", SignalR.StartServerAsync, SignalR.ConnectAsync),
    ];
    if (diag)
    {
        ws.Add(new("ws", "gen server+raw client", GeneratedWebSocket.StartServerAsync, RawWebSocket.ConnectAsync));
        ws.Add(new("ws", "raw server+gen client", RawWebSocket.StartServerAsync, GeneratedWebSocket.ConnectAsync));
    }

    results.AddRange(await RunGroupAsync(ws, Sizes(1_000_000, 150_000)));
}

if (group is "all" or "grpc")
{
    List<Scenario> grpc =
    [
        new("grpc", "hand-written gRPC", RawGrpc.StartServerAsync, RawGrpc.ConnectAsync),
        new("grpc", "generated gRPC", GeneratedGrpc.StartServerAsync, GeneratedGrpc.ConnectAsync),
    ];
    if (diag)
    {
        grpc.Add(new("grpc", "gen server+raw client", GeneratedGrpc.StartServerAsync, RawGrpc.ConnectAsync));
        grpc.Add(new("grpc", "raw server+gen client", RawGrpc.StartServerAsync, GeneratedGrpc.ConnectAsync));
    }

    results.AddRange(await RunGroupAsync(grpc, Sizes(750_000, 60_000)));
}

PrintTable(results);
PrintTargets(results);
Console.WriteLine(LoadAverage());
return 0;

string? Option(string name) => Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? args[at + 1] : null;

async Task<List<Measurement>> RunGroupAsync(List<Scenario> scenarios, Size[] sizes)
{
    if (only is not null)
    {
        scenarios = scenarios.Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    try
    {
        return await Runner.RunAsync(scenarios, sizes, workload, repetitions);
    }
    finally
    {
        foreach (var scenario in scenarios)
        {
            await scenario.DisposeAsync();
        }
    }
}

// Other work on the machine moves these figures more than anything measured here: the load shows when it did.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? $"Load average (1/5/15 min): {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}." : "";

static void PrintTable(List<Measurement> results)
{
    Console.WriteLine($"{"scenario",-22} {"size",-6} {"N",8} {"msgs/s median",14} {"min - max",23} {"MB/s",8} {"alloc B/msg",12} {"CPU us/msg",11} {"srv flush/msg",14} {"vs baseline",12}");
    foreach (var m in results)
    {
        // The first scenario of each group and size is that group's baseline.
        var baseline = results.First(b => b.Group == m.Group && b.Size == m.Size);
        var megabytes = m.Median * Workload.JsonLength(m.Size.Item) / 1e6;
        Console.WriteLine($"{m.Scenario,-22} {m.Size.Name,-6} {m.Size.Count,8} {m.Median,14:N0} {$"{m.Rates.Min():N0} - {m.Rates.Max():N0}",23} {megabytes,8:N1} {m.AllocatedPerMessage,12:N0} {m.CpuMicrosecondsPerMessage,11:N2} {m.FlushesPerMessage,14:N4} {m.Median / baseline.Median,11:N2}x");
    }

    Console.WriteLine();
}

static void PrintTargets(List<Measurement> results)
{
    void Compare(string group, string size, string scenario, string baseline, double target)
    {
        var a = results.FirstOrDefault(m => m.Group == group && m.Size.Name == size && m.Scenario == scenario);
        var b = results.FirstOrDefault(m => m.Group == group && m.Size.Name == size && m.Scenario == baseline);
        if (a is null || b is null)
        {
            return;
        }

        var ratio = a.Median / b.Median;
        Console.WriteLine($"{group,-5} {size,-6} {scenario + " / " + baseline,-42} {ratio,6:N2}x  target >= {target:N2}x  {(ratio >= target ? "met" : "MISSED"),-6}  alloc {a.AllocatedPerMessage - b.AllocatedPerMessage,7:+#,0;-#,0;0} B/msg");
    }

    Console.WriteLine("Targets (ratio of medians; alloc = generated minus baseline, per message):");
    foreach (var size in new[] { "100 B", "4 KiB" })
    {
        Compare("ws", size, "generated WebSocket", "raw WebSocket", 1.0);
        Compare("ws", size, "generated WebSocket", "SignalR (JSON)", size == "100 B" ? 1.6 : 1.2);
        Compare("grpc", size, "generated gRPC", "hand-written gRPC", 0.95);
    }
}
