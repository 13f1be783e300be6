using StreamGen.E2E.Tests.Support;
using System.Net.WebSockets;
using Acme.Logger;
using Acme.Logger.Runtime;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.E2E.Tests.Hostile;

/// <summary>
/// In-flight handlers at SIGTERM (issue 10.5): a stream that receives (<c>publish</c>) gets
/// <c>StreamGen:Http:ShutdownGracePeriod</c> / <c>StreamGen:Grpc:ShutdownGracePeriod</c> to finish; one that finishes
/// within it completes its response (the count CloseAndRecv returns is what the bus stored), one that does not is cut
/// with 1001 / UNAVAILABLE, having lost nothing it was acknowledged for.
/// </summary>
public sealed class InFlightShutdownTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    public static TheoryData<Transport> Both => Transports.Both;

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_publish_that_finishes_within_the_grace_period_gets_its_result_and_the_bus_stored_every_entry(Transport transport)
    {
        await using var server = await StartAsync();
        var bus = server.Services.GetRequiredService<LogBus>();
        var (client, dispose) = Client(server, transport);
        using var _ = dispose;
        await using var publisher = await client.PublishAsync();
        for (var i = 0; i < 10; i++)
        {
            await publisher.SendAsync(new LogEntry { Topic = "in-flight", Message = $"before {i}" });
        }

        var stopping = server.StopAsync();
        await Task.Delay(300);
        Assert.False(stopping.IsCompleted, "the server waits for the publish in flight");
        for (var i = 0; i < 10; i++)
        {
            await publisher.SendAsync(new LogEntry { Topic = "in-flight", Message = $"after {i}" });
        }

        var result = await publisher.CloseAndRecvAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(20, result.Count);
        Assert.Equal(result.Count, bus.Retained("in-flight")!.Count);
        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => $"before {i}"), .. Enumerable.Range(0, 10).Select(i => $"after {i}")], bus.Retained("in-flight")!.Select(e => e.Message));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_publish_still_open_after_the_grace_period_is_cut_with_going_away_and_keeps_what_was_stored(Transport transport)
    {
        await using var server = await StartAsync();
        var bus = server.Services.GetRequiredService<LogBus>();
        var (client, dispose) = Client(server, transport);
        using var _ = dispose;
        await using var publisher = await client.PublishAsync();
        for (var i = 0; i < 5; i++)
        {
            await publisher.SendAsync(new LogEntry { Topic = "overdue", Message = $"m{i}" });
        }

        var stopping = server.StopAsync();
        await Task.Delay(Grace - TimeSpan.FromMilliseconds(500));
        Assert.False(stopping.IsCompleted, "the server waits for the publish in flight during the grace period");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        // Past the grace period the server has closed: the client sees why as soon as it reads.
        var error = await Assert.ThrowsAnyAsync<ServiceError>(async () => await publisher.CloseAndRecvAsync());
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        if (transport == Transport.WebSocket)
        {
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, Assert.IsType<StreamClosedException>(error).CloseStatus);
        }
        else
        {
            Assert.Equal(StatusCode.Unavailable, Assert.IsType<GrpcServiceError>(error).StatusCode);
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"m{i}"), bus.Retained("overdue")!.Select(e => e.Message));
    }

    [Fact]
    public async Task A_server_stream_ends_at_once_without_waiting_for_the_grace_period()
    {
        await using var server = await StartAsync();
        await using var socket = await RawWebSocket.ConnectAsync(server.HttpPort, "/logs/quick/stream");
        var bus = server.Services.GetRequiredService<LogBus>();
        for (var i = 0; i < 100 && bus.SubscriberCount == 0; i++)
        {
            await Task.Delay(50);
        }

        var started = DateTime.UtcNow;
        var stopping = server.StopAsync();
        var (status, _, _) = await socket.ReceiveCloseAsync();
        var waited = DateTime.UtcNow - started;
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status);
        Assert.True(waited < Grace, $"a subscription is not held for the grace period (closed after {waited})");
    }

    private static Task<TestServer> StartAsync() => LoggerServers.StartAsync(
        [$"--StreamGen:Http:ShutdownGracePeriod={Grace}", $"--StreamGen:Grpc:ShutdownGracePeriod={Grace}"]);

    private static (ILoggerClient Client, IDisposable Dispose) Client(TestServer server, Transport transport)
    {
        if (transport == Transport.WebSocket)
        {
            var http = new HttpClient { BaseAddress = server.HttpAddress };
            return (new LoggerHttpClient(http, new StreamGenClientOptions { Credentials = LoggerServers.Credentials }), http);
        }

        var channel = GrpcChannel.ForAddress(server.GrpcAddress);
        return (new LoggerGrpcClient(channel, credentials: LoggerServers.Credentials), channel);
    }
}
