using StreamGen.E2E.Tests.Support;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Acme.Logger;
using Acme.Logger.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.E2E.Tests.Hostile;

/// <summary>
/// Liveness both ways (issue 10.3): the server pings every WebSocket stream and drops a peer that answers no ping in
/// time (a half-open connection), releasing its handler and subscription, while a client that answers keeps streaming;
/// the generated client pings a server that went silent and fails instead of hanging.
/// </summary>
public sealed class LivenessTests
{
    [Fact]
    public async Task A_peer_that_answers_no_ping_is_dropped_and_one_that_answers_keeps_streaming()
    {
        await using var server = await LoggerServers.StartAsync(["--StreamGen:Http:KeepAliveInterval=00:00:00.200", "--StreamGen:Http:KeepAliveTimeout=00:00:00.500"]);
        var bus = server.Services.GetRequiredService<LogBus>();
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        var client = new LoggerHttpClient(http, new Acme.Logger.Runtime.StreamGenClientOptions { Credentials = LoggerServers.Credentials });
        var topic = $"alive-{Guid.NewGuid():N}"[..20];
        await using var answering = await client.SubscribeAsync(new SubscribePayload { Topic = topic });
        await using var inbox = new Inbox<SubscribeResult>(answering.ReadAllAsync());
        await using var silent = await RawWebSocket.ConnectAsync(server.HttpPort, $"/logs/{topic}/stream");
        await WaitUntilAsync(() => bus.SubscriberCount == 2, TimeSpan.FromSeconds(5));

        await WaitUntilAsync(() => bus.SubscriberCount == 1, TimeSpan.FromSeconds(10));
        await Task.Delay(1000);
        await using (var publisher = await client.PublishAsync())
        {
            await publisher.SendAsync(new LogEntry { Topic = topic, Message = "still here" });
            await publisher.CloseAndRecvAsync();
        }

        Assert.Equal("still here", (await inbox.NextAsync()).Message);
        Assert.Equal(1, bus.SubscriberCount);
    }

    [Fact]
    public async Task The_generated_client_fails_instead_of_hanging_when_the_server_goes_silent()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var silentServer = Task.Run(async () =>
        {
            using var connection = await listener.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
            {
                head.Append((char)one[0]);
            }

            var key = head.ToString().Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {WebSocketAcceptor.AcceptKey(key)}\r\n\r\n"));
            await Task.Delay(TimeSpan.FromSeconds(30));
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var client = new LoggerHttpClient(http, new StreamGenClientOptions { Credentials = LoggerServers.Credentials, KeepAliveInterval = TimeSpan.FromMilliseconds(200), KeepAliveTimeout = TimeSpan.FromMilliseconds(500) });
        await using var subscription = await client.SubscribeAsync(new SubscribePayload { Topic = "silent" });

        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await subscription.RecvAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.IsNotType<TimeoutException>(error);
        Assert.Contains("ping", error.ToString(), StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        listener.Stop();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "The condition never became true.");
    }
}
