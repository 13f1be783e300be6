using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Acme.Logger;

namespace StreamGen.Benchmarks;

/// <summary>
/// Issue #10's memory rows, on the logger process: its resident set before, at the peak of and after a flood (a
/// `publish` peer sending ~4 KiB entries as fast as its socket takes them, faster than the handler decodes, validates
/// and stores them), and after 1,000 connect / abrupt-disconnect cycles on `subscribe` (upgrade, then a TCP reset),
/// with the bus's live subscriptions counted after them (target 0) — memory flat (target: the managed heap after a
/// forced full collection in the server less than 4 MiB above before, pools and caches included; RSS shown beside it
/// keeps what the GC once committed).
/// </summary>
internal sealed class HostilePeerMemoryBenchmark : IBenchmark
{
    private const string Before = "before (warm, after GC)";

    public string Name => "hostile";

    public string Description => "logger process RSS before/after a publish flood and after 1,000 connect/reset cycles; live subscriptions left";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var floodSeconds = context.Pick(5.0, 0.5);
        var cycles = context.Pick(1_000, 50);
        await using var server = await LoggerProcess.StartAsync(
            [
                "StreamGen:Http:MaxStreamsPerClient=1000000", "StreamGen:Http:UpgradesPerSecond=1000000", "StreamGen:Http:UpgradeBurst=1000000",
                // Retention is a configured, bounded cost (1,000 flood entries would be ~8 MiB): kept out of "flat".
                "Logger:Retain=1",
            ],
            cancellationToken);

        // Warm: the same paths once, briefly, so JIT and pools are not counted as growth.
        await FloodAsync(server, TimeSpan.FromSeconds(0.3), cancellationToken);
        await ChurnAsync(server, 20, cancellationToken);
        await server.WaitForSubscribersAsync(0, TimeSpan.FromSeconds(10), cancellationToken);
        var heapBefore = await server.CollectAsync(cancellationToken);
        var before = server.ResidentBytes;

        var ((sent, accepted, seconds), peak) = await server.WithPeakResidentBytesAsync(TimeSpan.FromMilliseconds(20), () =>
            FloodAsync(server, TimeSpan.FromSeconds(floodSeconds), cancellationToken));
        peak = Math.Max(peak, before);
        var heapAfterFlood = await server.CollectAsync(cancellationToken);
        var afterFlood = server.ResidentBytes;

        await ChurnAsync(server, cycles, cancellationToken);
        var left = await server.WaitForSubscribersAsync(0, TimeSpan.FromSeconds(30), cancellationToken);
        var heapAfterChurn = await server.CollectAsync(cancellationToken);
        var afterChurn = server.ResidentBytes;

        Console.WriteLine($"  flood: {sent:N0} entries of ~4 KiB sent in {seconds:N1} s ({sent / seconds:N0}/s), {accepted:N0} accepted; {cycles:N0} churn cycles, {left} subscriptions left");
        // RSS keeps what the GC once committed; the managed heap after a full collection is what the server still holds.
        Add("server RSS", Before, before, before, null);
        Add("server RSS", "flood peak", peak, before, null);
        Add("server RSS", "after the flood (after GC)", afterFlood, before, null);
        Add("server RSS", $"after {cycles:N0} connect/reset cycles (after GC)", afterChurn, before, null);
        Add("server managed heap after a full GC", Before, heapBefore, heapBefore, null);
        Add("server managed heap after a full GC", "after the flood (after GC)", heapAfterFlood, heapBefore, 4);
        Add("server managed heap after a full GC", $"after {cycles:N0} connect/reset cycles (after GC)", heapAfterChurn, heapBefore, 4);
        context.Table.Add(new ResultRow(Name, $"live subscriptions after {cycles:N0} connect/reset cycles", "LogBus.SubscriberCount", left, "count", left, left, Target: "= 0", Met: left == 0));
        context.Table.Add(new ResultRow(Name, "flood: entries the peer sent per second", "raw ClientWebSocket, ~4 KiB entries", sent / seconds, "msgs/s", sent / seconds, sent / seconds));

        void Add(string metric, string subject, long bytes, long reference, double? target)
        {
            var mib = bytes / 1048576.0;
            var baseline = subject == Before ? (double?)null : reference / 1048576.0;
            context.Table.Add(new ResultRow(Name, metric, subject, mib, "MiB", mib, mib, baseline is null ? null : Before, baseline,
                target is { } t ? $"growth < {t:N0} MiB" : null, target is { } x ? mib - baseline < x : null));
        }
    }

    /// <summary>Sends valid ~4 KiB entries on one `publish` stream as fast as the socket takes them, then ends it.</summary>
    private static async Task<(long Sent, long Accepted, double Seconds)> FloodAsync(LoggerProcess server, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-API-Key", LoggerProcess.ApiKey);
        await socket.ConnectAsync(new Uri($"ws://{server.HttpAddress.Authority}/logs/publish"), cancellationToken);
        var entry = JsonSerializer.SerializeToUtf8Bytes(new LogEntry { Topic = "flood", Message = new string('f', 4000), Level = Level.Info }, LoggerJsonContext.Default.LogEntry);
        var start = Stopwatch.GetTimestamp();
        long sent = 0;
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            await socket.SendAsync(entry, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            sent++;
        }

        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await socket.SendAsync("null"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = new byte[4096];
        var length = await RawWebSocketCalls.ReceiveAsync(socket, buffer, cancellationToken);
        var result = JsonSerializer.Deserialize(buffer.AsSpan(0, Math.Max(0, length)), LoggerJsonReader.PublishResult) ?? throw new InvalidOperationException("no result");
        return (sent, result.Count, seconds);
    }

    /// <summary>Upgrades `subscribe` and resets the TCP connection at once, <paramref name="cycles"/> times.</summary>
    private static async Task ChurnAsync(LoggerProcess server, int cycles, CancellationToken cancellationToken)
    {
        for (var i = 0; i < cycles; i++)
        {
            using var peer = await RawPeer.UpgradeAsync(server.HttpAddress, "/logs/churn/stream", 0, cancellationToken);
            peer.Reset();
        }
    }
}
