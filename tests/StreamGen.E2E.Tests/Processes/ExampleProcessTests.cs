using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using Acme.Logger;
using StreamGen.E2E.Tests.Support;

namespace StreamGen.E2E.Tests.Processes;

/// <summary>
/// The logger example as its contract says it starts: ports from configuration, a line per ready port, peers in other
/// languages on both transports, a clean shutdown on SIGTERM with 1001 for open streams, and one-line refusals.
/// </summary>
public sealed class ExampleProcessTests
{
    [Fact]
    public async Task Node_peers_stream_over_websockets_and_grpc_and_sigterm_closes_streams_with_1001()
    {
        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        await using var example = ExampleProcess.Start([$"--Http:Port={http}", $"--Grpc:Port={grpc}", "--Logger:ApiKeys:0=node-key"]);
        await example.WaitForOutputAsync($"listening on http://localhost:{http}");
        await example.WaitForOutputAsync($"listening on http://localhost:{grpc}");
        Assert.DoesNotContain(example.Output, l => l.Contains("No Logger:ApiKeys configured", StringComparison.Ordinal));

        var ws = await Node.RunAsync("ws-client.mjs", $"http://127.0.0.1:{http}", "node-key");
        Assert.True(ws.ExitCode == 0, ws.Error + ws.Output);
        var wsSummary = JsonDocument.Parse(ws.Output).RootElement;
        Assert.Equal(["first", "second", "third"], wsSummary.GetProperty("subscribe").EnumerateArray().Select(e => e.GetString()));

        var proto = Path.Combine(Node.InteropDirectory, "..", "..", "examples", "logger", "gen", "logger", "logger.proto");
        var rpc = await Node.RunAsync("grpc-client.mjs", $"127.0.0.1:{grpc}", proto, "node-key");
        Assert.True(rpc.ExitCode == 0, rpc.Error + rpc.Output);

        // What the server kept, read back with the generated C# client: exactly what the Node peers published.
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}/") };
        var logger = new LoggerHttpClient(client);
        var wsTopic = wsSummary.GetProperty("topic").GetString()!;
        var grpcTopic = JsonDocument.Parse(rpc.Output).RootElement.GetProperty("topic").GetString()!;
        Assert.Equal(["first", "second", "third"], (await logger.RecentAsync(new RecentPayload { Topic = wsTopic })).Entries.Select(e => e.Message));
        Assert.Equal(["one", "two", "three"], (await logger.RecentAsync(new RecentPayload { Topic = grpcTopic })).Entries.Select(e => e.Message));

        await using var open = await logger.SubscribeAsync(new SubscribePayload { Topic = "shutdown" });
        example.Terminate();

        var closed = await Assert.ThrowsAsync<Acme.Logger.Runtime.StreamClosedException>(async () => await open.RecvAsync());
        Assert.Equal((WebSocketCloseStatus.EndpointUnavailable, "going_away"), (closed.CloseStatus, closed.Name));
        Assert.Equal(0, await example.WaitForExitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Without_configured_keys_one_is_generated_and_logged_once_at_start_up()
    {
        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        await using var example = ExampleProcess.Start([$"--Http:Port={http}", $"--Grpc:Port={grpc}"]);
        await example.WaitForOutputAsync($"listening on http://localhost:{grpc}");
        var logged = Assert.Single(example.Output, l => l.Contains("No Logger:ApiKeys configured", StringComparison.Ordinal));
        var key = System.Text.RegularExpressions.Regex.Match(logged, "generated key ([0-9a-f]{32})").Groups[1].Value;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}/") };

        using var refused = await client.PostAsync("logs/keyed/archive", new StringContent("{\"message\":\"no key\"}\n"));
        using var accepted = await client.PostAsync($"logs/keyed/archive?api_key={key}", new StringContent("{\"message\":\"with the key\"}\n"));
        var recent = await new LoggerHttpClient(client).RecentAsync(new RecentPayload { Topic = "keyed" });

        Assert.Equal((System.Net.HttpStatusCode.Unauthorized, System.Net.HttpStatusCode.OK), (refused.StatusCode, accepted.StatusCode));
        Assert.Equal(["with the key"], recent.Entries.Select(e => e.Message));
        Assert.Single(example.Output, l => l.Contains("No Logger:ApiKeys configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ports_also_come_from_environment_variables()
    {
        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        await using var example = ExampleProcess.Start([], new Dictionary<string, string> { ["Http__Port"] = $"{http}", ["Grpc__Port"] = $"{grpc}" });

        await example.WaitForOutputAsync($"HTTP (WebSockets, Server-Sent Events, JSON) listening on http://localhost:{http}");
        await example.WaitForOutputAsync($"gRPC (HTTP/2, h2c) listening on http://localhost:{grpc}");
    }

    [Fact]
    public async Task Port_zero_is_refused_in_one_line()
    {
        await using var example = ExampleProcess.Start(["--Http:Port=0"]);

        Assert.Equal(2, await example.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(example.Error);
        Assert.StartsWith("logger: Http:Port is 0", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_port_is_one_line_and_a_nonzero_exit()
    {
        var http = FreePort.Next();
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, http);
        taken.Start();
        await using var example = ExampleProcess.Start([$"--Http:Port={http}", $"--Grpc:Port={FreePort.Next()}"]);

        Assert.Equal(1, await example.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(example.Error);
        Assert.Contains("address already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain(example.Output.Concat(example.Error), l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
