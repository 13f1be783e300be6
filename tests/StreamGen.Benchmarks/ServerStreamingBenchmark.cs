namespace StreamGen.Benchmarks;

/// <summary>
/// Server streaming of ~100 B and ~4 KiB items (`subscribe`), a generated transport against hand-written baselines in
/// one process: "ws" (raw Kestrel WebSocket, generated WebSocket, SignalR) or "grpc" (hand-written grpc-dotnet,
/// generated gRPC). Rows: msgs/s, allocation and process CPU per message (client + server).
/// </summary>
internal sealed class ServerStreamingBenchmark(string group) : IBenchmark
{
    public string Name => group;

    public string Description => group == "ws"
        ? "WebSocket server streaming, 100 B and 4 KiB: generated vs raw Kestrel WebSocket and SignalR"
        : "gRPC server streaming, 100 B and 4 KiB: generated vs hand-written grpc-dotnet";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var scenarios = group == "ws"
            ? new List<Scenario>
            {
                new("ws", "raw WebSocket", RawWebSocket.StartServerAsync, RawWebSocket.ConnectAsync),
                new("ws", "generated WebSocket", GeneratedWebSocket.StartServerAsync, GeneratedWebSocket.ConnectAsync),
                new("ws", "SignalR (JSON)", SignalR.StartServerAsync, SignalR.ConnectAsync),
            }
            : new List<Scenario>
            {
                new("grpc", "hand-written gRPC", RawGrpc.StartServerAsync, RawGrpc.ConnectAsync),
                new("grpc", "generated gRPC", GeneratedGrpc.StartServerAsync, GeneratedGrpc.ConnectAsync),
            };
        if (context.Diag)
        {
            scenarios.Add(group == "ws"
                ? new("ws", "gen server+raw client", GeneratedWebSocket.StartServerAsync, RawWebSocket.ConnectAsync)
                : new("grpc", "gen server+raw client", GeneratedGrpc.StartServerAsync, RawGrpc.ConnectAsync));
            scenarios.Add(group == "ws"
                ? new("ws", "raw server+gen client", RawWebSocket.StartServerAsync, GeneratedWebSocket.ConnectAsync)
                : new("grpc", "raw server+gen client", RawGrpc.StartServerAsync, GeneratedGrpc.ConnectAsync));
        }

        // The floor's subject runs in the same interleaved rounds (the floor scenario sets each transport's CPU/msg against it).
        scenarios.Add(JsonFloor.Create(group));

        if (context.Only is { } only)
        {
            scenarios = scenarios.Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var small = Workload.Create(100);
        var large = Workload.Create(4096);
        Size[] sizes = group == "ws"
            ? [new("100 B", small, context.Pick(1_000_000, 2_000)), new("4 KiB", large, context.Pick(150_000, 500))]
            : [new("100 B", small, context.Pick(750_000, 2_000)), new("4 KiB", large, context.Pick(60_000, 500))];
        List<Measurement> results;
        try
        {
            results = await Runner.RunAsync(scenarios, sizes, new Workload(), context.Repetitions);
        }
        finally
        {
            foreach (var scenario in scenarios)
            {
                await scenario.DisposeAsync();
            }
        }

        PrintTable(results);
        PrintTargets(results);
        AddRows(context.Table, results);
    }

    private static void AddRows(ResultTable table, List<Measurement> results)
    {
        foreach (var m in results)
        {
            var baseline = results.First(b => b.Group == m.Group && b.Size == m.Size);
            var isBaseline = baseline == m;
            var target = Target(m.Group, m.Scenario, baseline.Scenario, m.Size.Name);
            var met = target is { } t ? m.Median / baseline.Median >= t : (bool?)null;
            table.Add(new ResultRow(m.Group, $"msgs/s, {m.Size.Name}", m.Scenario, m.Median, "msgs/s", m.Rates.Min(), m.Rates.Max(),
                isBaseline ? null : baseline.Scenario, isBaseline ? null : baseline.Median, target is { } x ? $"ratio >= {x:N2}" : null, met));
            if (m.Group == "ws" && m.Scenario == "generated WebSocket" && results.FirstOrDefault(s => s.Size == m.Size && s.Scenario == "SignalR (JSON)") is { } signalR)
            {
                var vsSignalR = Target("ws", m.Scenario, signalR.Scenario, m.Size.Name)!.Value;
                table.Add(new ResultRow(m.Group, $"msgs/s, {m.Size.Name}", m.Scenario, m.Median, "msgs/s", m.Rates.Min(), m.Rates.Max(),
                    signalR.Scenario, signalR.Median, $"ratio >= {vsSignalR:N2}", m.Median / signalR.Median >= vsSignalR));
            }

            // One figure per run: CPU time and allocation are summed over the rounds, so they have no spread.
            table.Add(new ResultRow(m.Group, $"CPU us/msg, {m.Size.Name}", m.Scenario, m.CpuMicrosecondsPerMessage, "us", m.CpuMicrosecondsPerMessage, m.CpuMicrosecondsPerMessage,
                isBaseline ? null : baseline.Scenario, isBaseline ? null : baseline.CpuMicrosecondsPerMessage));
            table.Add(new ResultRow(m.Group, $"alloc B/msg, {m.Size.Name}", m.Scenario, m.AllocatedPerMessage, "B", m.AllocatedPerMessage, m.AllocatedPerMessage,
                isBaseline ? null : baseline.Scenario, isBaseline ? null : baseline.AllocatedPerMessage));
        }
    }

    /// <summary>The throughput targets, as a ratio of medians to a baseline of the same run.</summary>
    private static double? Target(string group, string scenario, string baseline, string size) => (group, scenario, baseline) switch
    {
        ("ws", "generated WebSocket", "raw WebSocket") => 1.0,
        ("ws", "generated WebSocket", "SignalR (JSON)") => size == "100 B" ? 1.6 : 1.2,
        ("grpc", "generated gRPC", "hand-written gRPC") => 0.95,
        _ => null,
    };

    private static void PrintTable(List<Measurement> results)
    {
        Console.WriteLine("Columns: CPU us/msg = process CPU time (client + server) per item; srv flush/msg = flushes the server's HTTP");
        Console.WriteLine("layer handed to Kestrel's socket transport per item (below 1 means items were coalesced into shared writes).");
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

    private static void PrintTargets(List<Measurement> results)
    {
        void Compare(string group, string size, string scenario, string baseline)
        {
            var a = results.FirstOrDefault(m => m.Group == group && m.Size.Name == size && m.Scenario == scenario);
            var b = results.FirstOrDefault(m => m.Group == group && m.Size.Name == size && m.Scenario == baseline);
            if (a is null || b is null || Target(group, scenario, baseline, size) is not { } target)
            {
                return;
            }

            var ratio = a.Median / b.Median;
            Console.WriteLine($"{group,-5} {size,-6} {scenario + " / " + baseline,-42} {ratio,6:N2}x  target >= {target:N2}x  {(ratio >= target ? "met" : "MISSED"),-6}  alloc {a.AllocatedPerMessage - b.AllocatedPerMessage,7:+#,0;-#,0;0} B/msg");
        }

        Console.WriteLine("Targets (ratio of medians; alloc = generated minus baseline, per message):");
        foreach (var size in new[] { "100 B", "4 KiB" })
        {
            Compare("ws", size, "generated WebSocket", "raw WebSocket");
            Compare("ws", size, "generated WebSocket", "SignalR (JSON)");
            Compare("grpc", size, "generated gRPC", "hand-written gRPC");
        }

        Console.WriteLine();
    }
}
