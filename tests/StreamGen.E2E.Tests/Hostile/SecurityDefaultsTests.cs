using StreamGen.E2E.Tests.Support;
using System.Net;
using System.Net.WebSockets;
using Acme.Logger;
using Acme.Logger.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.E2E.Tests.Hostile;

/// <summary>
/// Security defaults of the generated HTTP transport (issue 10.6), each configurable: the origin allowlist for upgrades
/// (the server's own origin and loopback by default), concurrent streams per client address, and upgrades per second
/// per address through ASP.NET Core's rate limiter.
/// </summary>
public sealed class SecurityDefaultsTests
{
    [Fact]
    public async Task A_foreign_origin_is_closed_with_1008_while_the_own_and_loopback_origins_stream()
    {
        await using var server = await LoggerServers.StartAsync([]);

        await using var foreign = await RawWebSocket.ConnectAsync(server.HttpPort, "/logs/origin/stream", origin: "https://evil.example");
        await using var own = await RawWebSocket.ConnectAsync(server.HttpPort, "/logs/origin/stream", origin: $"http://127.0.0.1:{server.HttpPort}");
        await using var loopback = await RawWebSocket.ConnectAsync(server.HttpPort, "/logs/origin/stream", origin: "http://localhost:5173");
        var (status, reason, _) = await foreign.ReceiveCloseAsync();

        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "forbidden: origin not allowed"), (status, reason));
        await WaitUntilAsync(() => server.Services.GetRequiredService<LogBus>().SubscriberCount == 2);
    }

    [Fact]
    public async Task An_origin_in_the_configured_allowlist_streams()
    {
        await using var server = await LoggerServers.StartAsync(["--StreamGen:Http:AllowedOrigins:0=https://viewer.example"]);

        await using var allowed = await RawWebSocket.ConnectAsync(server.HttpPort, "/logs/origin/stream", origin: "https://viewer.example");

        await WaitUntilAsync(() => server.Services.GetRequiredService<LogBus>().SubscriberCount == 1);
    }

    [Fact]
    public async Task Streams_beyond_the_per_address_limit_get_429_and_one_frees_a_place_when_it_ends()
    {
        await using var server = await LoggerServers.StartAsync(["--StreamGen:Http:MaxStreamsPerClient=3"]);
        var counter = server.Services.GetRequiredService<ClientStreamCounter>();
        var open = new List<RawWebSocket>();
        for (var i = 0; i < 3; i++)
        {
            open.Add(await RawWebSocket.ConnectAsync(server.HttpPort, "/logs/limit/stream"));
        }

        var refused = await UpgradeStatusAsync(server, "/logs/limit/stream");
        using var events = await SseStatusAsync(server);
        await open[0].DisposeAsync();
        await WaitUntilAsync(() => counter.Open == 2);
        await using var again = await RawWebSocket.ConnectAsync(server.HttpPort, "/logs/limit/stream");

        Assert.Equal((HttpStatusCode.TooManyRequests, "too_many_streams"), refused);
        Assert.Equal(HttpStatusCode.TooManyRequests, events.StatusCode);
        foreach (var socket in open.Skip(1))
        {
            await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task Upgrades_beyond_the_rate_limit_get_429_while_other_requests_are_served()
    {
        await using var server = await LoggerServers.StartAsync(["--StreamGen:Http:UpgradesPerSecond=1", "--StreamGen:Http:UpgradeBurst=2"]);
        using var http = new HttpClient { BaseAddress = server.HttpAddress };

        // Twenty upgrades at once: the bucket holds two and refills one a second, so however slow this machine is, at most
        // 2 + (seconds elapsed, rounded up) get through and every other one is refused by the limiter, not by anything else.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => TryUpgradeAsync(server, "/logs/rate/stream")));
        var elapsed = clock.Elapsed;
        using var recent = await http.GetAsync("/logs/rate?limit=1");

        var admitted = attempts.Count(a => a.Socket is not null);
        Assert.InRange(admitted, 2, 2 + (int)Math.Ceiling(elapsed.TotalSeconds));
        Assert.All(attempts.Where(a => a.Socket is null), a => Assert.Equal((HttpStatusCode.TooManyRequests, "rate_limited"), a.Refusal));
        Assert.Equal(HttpStatusCode.OK, recent.StatusCode);
        foreach (var (socket, _) in attempts)
        {
            socket?.Dispose();
        }
    }

    /// <summary>An open WebSocket, or the status and design error name of the refused upgrade.</summary>
    private static async Task<(ClientWebSocket? Socket, (HttpStatusCode, string?) Refusal)> TryUpgradeAsync(TestServer server, string path)
    {
        var socket = new ClientWebSocket { Options = { CollectHttpResponseDetails = true } };
        try
        {
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{server.HttpPort}{path}"), CancellationToken.None);
            return (socket, default);
        }
        catch (WebSocketException)
        {
            var refusal = (socket.HttpStatusCode, socket.HttpResponseHeaders?.TryGetValue("goa-error", out var name) == true ? name.Single() : null);
            socket.Dispose();
            return (null, refusal);
        }
    }

    private static async Task<(HttpStatusCode Status, string? Name)> UpgradeStatusAsync(TestServer server, string path)
    {
        using var socket = new ClientWebSocket { Options = { CollectHttpResponseDetails = true } };
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"ws://127.0.0.1:{server.HttpPort}{path}"), CancellationToken.None));
        return (socket.HttpStatusCode, socket.HttpResponseHeaders?.TryGetValue("goa-error", out var name) == true ? name.Single() : null);
    }

    private static async Task<HttpResponseMessage> SseStatusAsync(TestServer server)
    {
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        return await http.GetAsync("/logs/limit/events", HttpCompletionOption.ResponseHeadersRead);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "The condition never became true.");
    }
}
