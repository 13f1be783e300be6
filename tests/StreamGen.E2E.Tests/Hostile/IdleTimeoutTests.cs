using StreamGen.E2E.Tests.Support;
using System.Net.WebSockets;
using Acme.Logger;
using Acme.Logger.Runtime;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.E2E.Tests.Hostile;

/// <summary>
/// The idle timeout (issue 10.6, <c>StreamGen:Http:IdleTimeout</c> / <c>StreamGen:Grpc:IdleTimeout</c>, off by
/// default): a stream on which no application message moved either way for the timeout is ended, the way its transport
/// says (WebSocket 1001 <c>idle_timeout</c>, gRPC DEADLINE_EXCEEDED, an SSE <c>idle_timeout</c> error event), pings and
/// heartbeats not counting; the server's handler sees its token canceled, and streams that are in use go on.
/// </summary>
public sealed class IdleTimeoutTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Quiet_streams_are_ended_on_every_transport_while_busy_ones_keep_being_served()
    {
        await using var server = await LoggerServers.StartAsync(
        [
            $"--StreamGen:Http:IdleTimeout={Idle}", $"--StreamGen:Grpc:IdleTimeout={Idle}",
            "--StreamGen:Http:SseHeartbeat=00:00:00.200", "--StreamGen:Http:KeepAliveInterval=00:00:00.200",
        ]);
        var bus = server.Services.GetRequiredService<LogBus>();
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress);
        var grpc = new LoggerGrpcClient(channel, credentials: LoggerServers.Credentials);
        var ws = new LoggerHttpClient(http, new StreamGenClientOptions { Credentials = LoggerServers.Credentials });

        // Busy: a subscription whose topic gets an entry every 200 ms, from a publish stream that sends as often.
        await using var busy = await ws.SubscribeAsync(new SubscribePayload { Topic = "busy" });
        await using var busyInbox = new Inbox<SubscribeResult>(busy.ReadAllAsync());
        await using var publisher = await ws.PublishAsync();
        await publisher.SendAsync(new LogEntry { Topic = "busy", Message = "b0" });
        await using var quietSocket = await RawWebSocket.ConnectAsync(server.HttpPort, "/logs/quiet/stream");
        await using var quietGrpc = await grpc.SubscribeAsync(new SubscribePayload { Topic = "quiet" });
        using var quietEvents = await http.GetAsync("/logs/quiet/events", HttpCompletionOption.ResponseHeadersRead);
        var sse = quietEvents.Content.ReadAsStringAsync();

        var started = DateTime.UtcNow;
        var closing = quietSocket.ReceiveCloseAsync(TimeSpan.FromSeconds(15));
        var grpcError = Assert.ThrowsAnyAsync<ServiceError>(async () => await quietGrpc.RecvAsync());
        for (var i = 1; i < 25; i++)
        {
            await Task.Delay(200);
            await publisher.SendAsync(new LogEntry { Topic = "busy", Message = $"b{i}" });
        }

        var (status, reason, _) = await closing;
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status);
        Assert.StartsWith("idle_timeout: ", reason, StringComparison.Ordinal);
        Assert.Equal(StatusCode.DeadlineExceeded, Assert.IsType<GrpcServiceError>(await grpcError).StatusCode);
        var events = await sse.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.StartsWith(":\n\n", events, StringComparison.Ordinal);
        Assert.Contains("event: goa-error\ndata: {\"name\":\"idle_timeout\"", events, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15));

        // The busy streams outlived the quiet ones (5 s of traffic against a 2 s timeout) and lost nothing.
        Assert.Equal(25, (await publisher.CloseAndRecvAsync()).Count);
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal($"b{i}", (await busyInbox.NextAsync()).Message);
        }

        // The quiet handlers' subscriptions were released; only the busy one is left.
        for (var i = 0; i < 100 && bus.SubscriberCount > 1; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, bus.SubscriberCount);
    }

    [Fact]
    public async Task Without_configuration_a_quiet_stream_stays_open()
    {
        await using var server = await LoggerServers.StartAsync(["--StreamGen:Http:KeepAliveInterval=00:00:00.200"]);
        await using var socket = await RawWebSocket.ConnectAsync(server.HttpPort, "/logs/quiet/stream");

        var receive = socket.Socket.ReceiveAsync(new byte[1024], CancellationToken.None);
        var first = await Task.WhenAny(receive, Task.Delay(TimeSpan.FromSeconds(3)));

        Assert.NotSame(receive, first);
        Assert.Equal(WebSocketState.Open, socket.Socket.State);
    }
}
