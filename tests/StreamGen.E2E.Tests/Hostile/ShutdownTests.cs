using StreamGen.E2E.Tests.Support;
using System.Net.WebSockets;
using Acme.Logger;
using Acme.Logger.Runtime;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.E2E.Tests.Hostile;

/// <summary>
/// Graceful shutdown (issue 10.5), as SIGTERM does it (the host's StopAsync): open WebSocket streams get 1001, gRPC
/// streams UNAVAILABLE, SSE responses end, and every count a publisher got back is what the bus stored.
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Shutdown_ends_every_open_stream_the_way_its_transport_says_and_loses_nothing_acknowledged()
    {
        var server = await LoggerServers.StartAsync([]);
        var bus = server.Services.GetRequiredService<LogBus>();
        using var http = new HttpClient { BaseAddress = server.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress);
        var ws = new LoggerHttpClient(http, new Acme.Logger.Runtime.StreamGenClientOptions { Credentials = LoggerServers.Credentials });
        var grpc = new LoggerGrpcClient(channel, credentials: LoggerServers.Credentials);
        await using var socket = await RawWebSocket.ConnectAsync(server.HttpPort, "/logs/shutdown/stream");
        await using var grpcSubscription = await grpc.SubscribeAsync(new SubscribePayload { Topic = "shutdown" });
        using var events = await http.GetAsync("/logs/shutdown/events", HttpCompletionOption.ResponseHeadersRead);
        var sse = Task.Run(async () => await (await events.Content.ReadAsStreamAsync()).CopyToAsync(Stream.Null));
        await WaitUntilAsync(() => bus.SubscriberCount == 3);

        using var publishing = new CancellationTokenSource();
        var publishers = Enumerable.Range(0, 6).Select(p => Task.Run(async () =>
        {
            ILoggerClient client = p % 2 == 0 ? ws : grpc;
            var acknowledged = new List<(string Topic, long Count)>();
            try
            {
                for (var round = 0; !publishing.IsCancellationRequested; round++)
                {
                    var topic = $"ack-{p}-{round}";
                    await using var publisher = await client.PublishAsync();
                    for (var i = 0; i < 50; i++)
                    {
                        await publisher.SendAsync(new LogEntry { Topic = topic, Message = $"m{i}" });
                    }

                    acknowledged.Add((topic, (await publisher.CloseAndRecvAsync()).Count));
                }
            }
            catch (Exception e) when (e is ServiceError or HttpRequestException or RpcException or InvalidOperationException or OperationCanceledException or IOException)
            {
                // Refused or cut by the shutdown: nothing acknowledged.
            }

            return acknowledged;
        })).ToList();
        await Task.Delay(300);

        await server.StopAsync();
        publishing.Cancel();

        var (status, reason, _) = await socket.ReceiveCloseAsync();
        var grpcError = await Assert.ThrowsAnyAsync<ServiceError>(async () => await grpcSubscription.RecvAsync());
        await sse.WaitAsync(TimeSpan.FromSeconds(10));
        var acknowledgedBatches = (await Task.WhenAll(publishers)).SelectMany(a => a).ToList();

        Assert.Equal((WebSocketCloseStatus.EndpointUnavailable, "going_away: the server is shutting down"), (status, reason));
        Assert.Equal(StatusCode.Unavailable, Assert.IsType<GrpcServiceError>(grpcError).StatusCode);
        Assert.NotEmpty(acknowledgedBatches);
        foreach (var (topic, count) in acknowledgedBatches)
        {
            Assert.Equal(50, count);
            Assert.Equal(Enumerable.Range(0, 50).Select(i => $"m{i}"), bus.Retained(topic)!.Select(e => e.Message));
        }

        Assert.True(bus.Stored >= acknowledgedBatches.Sum(b => b.Count));
        await server.DisposeAsync();
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
