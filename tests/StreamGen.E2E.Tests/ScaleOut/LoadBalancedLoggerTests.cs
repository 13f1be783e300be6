using System.Net;
using Acme.Logger;
using StreamGen.Runtime.Tests.Redis;

namespace StreamGen.E2E.Tests.ScaleOut;

/// <summary>
/// Three logger instances on one Redis behind a round-robin reverse proxy (YARP) that forwards a public Host name
/// (issue #14): every route answers whatever Host arrives (the HTTP and gRPC ports are told apart by listener, not by
/// Host), WebSocket, SSE and gRPC streams work through it, and a client cut off from one instance resumes on another
/// with since.
/// </summary>
public sealed class LoadBalancedLoggerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Streams_work_through_the_proxy_and_a_client_cut_off_from_one_instance_resumes_on_another()
    {
        var instances = await RedisLogger.StartAsync(3, _redis.Configuration);
        await using var a = instances[0];
        await using var b = instances[1];
        await using var c = instances[2];
        await using var proxy = await LoadBalancer.StartAsync(instances);
        var http = a.Http(proxy.HttpAddress);
        var grpc = a.Grpc(proxy.GrpcAddress);
        var topic = $"lb-{Guid.NewGuid():N}"[..16];

        // Unary routes answer a Host with another port or none (they were 404 when endpoints required "*:{port}").
        using (var plain = new HttpClient())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{b.HttpPort}/logs/{topic}?limit=1"));
            request.Headers.Host = LoadBalancer.PublicHost;
            Assert.Equal(HttpStatusCode.OK, (await plain.SendAsync(request)).StatusCode);
            using var openApi = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{b.HttpPort}/openapi.json"));
            openApi.Headers.Host = $"{LoadBalancer.PublicHost}:443";
            Assert.Equal(HttpStatusCode.OK, (await plain.SendAsync(openApi)).StatusCode);
            // ... and the HTTP port still serves no gRPC, whatever the Host says.
            using var wrongPort = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{b.HttpPort}/logger.Logger/Recent"));
            wrongPort.Headers.Host = $"127.0.0.1:{b.GrpcPort}";
            Assert.Equal(HttpStatusCode.NotFound, (await plain.SendAsync(wrongPort)).StatusCode);
        }

        var webSocket = new ReaderLog();
        var serverSentEvents = new ReaderLog();
        var grpcLog = new ReaderLog();
        var webSocketSubscription = await http.SubscribeAsync(new SubscribePayload { Topic = topic });
        var events = await http.EventsAsync(new EventsPayload { Topic = topic });
        var grpcSubscription = await grpc.SubscribeAsync(new SubscribePayload { Topic = topic });
        const int cut = 100, total = 301;
        var readers = new[]
        {
            webSocket.ReadAsync(webSocketSubscription.ReadAllAsync().Select(e => (e.Id!, e.Message)), cut),
            serverSentEvents.ReadAsync(events.ReadAllAsync().Select(e => (e.Id, e.Message)), cut),
            grpcLog.ReadAsync(grpcSubscription.ReadAllAsync().Select(e => (e.Id!, e.Message)), cut),
        };

        // Published through the proxy too: each publish lands on the next instance.
        var expected = new List<string>();
        foreach (var batch in Enumerable.Range(0, 3))
        {
            await using var publisher = await http.PublishAsync();
            foreach (var i in Enumerable.Range(batch * 100, batch == 0 ? 101 : 100))
            {
                await publisher.SendAsync(new LogEntry { Topic = topic, Message = $"m{i}" });
                expected.Add($"m{i}");
            }

            await publisher.CloseAndRecvAsync();
        }

        await Task.WhenAll(readers).WaitAsync(Patience);

        // Each client is cut off after 100 entries and opens a new stream through the proxy with since (Last-Event-ID for
        // SSE): round-robin hands it to another instance, and it goes on after its last entry.
        await webSocketSubscription.DisposeAsync();
        await events.DisposeAsync();
        await grpcSubscription.DisposeAsync();
        await using var webSocketResumed = await http.SubscribeAsync(new SubscribePayload { Topic = topic, Since = webSocket.LastId });
        await using var eventsResumed = await http.EventsAsync(new EventsPayload { Topic = topic, Since = serverSentEvents.LastId });
        await using var grpcResumed = await grpc.SubscribeAsync(new SubscribePayload { Topic = topic, Since = grpcLog.LastId });
        await Task.WhenAll(
            webSocket.ReadAsync(webSocketResumed.ReadAllAsync().Select(e => (e.Id!, e.Message)), total),
            serverSentEvents.ReadAsync(eventsResumed.ReadAllAsync().Select(e => (e.Id, e.Message)), total),
            grpcLog.ReadAsync(grpcResumed.ReadAllAsync().Select(e => (e.Id!, e.Message)), total)).WaitAsync(Patience);

        foreach (var (name, log) in new[] { ("WebSocket", webSocket), ("SSE", serverSentEvents), ("gRPC", grpcLog) })
        {
            Assert.True(expected.SequenceEqual(log.Messages), $"{name}: {log.Describe(expected)}");
            Assert.True(log.IdsIncrease, $"{name}: ids out of order");
        }

        var forwarded = proxy.Forwarded.ToList();
        foreach (var path in new[] { $"/logs/{topic}/stream", $"/logs/{topic}/events", "/logger.Logger/Subscribe" })
        {
            var served = forwarded.Where(f => f.Path == path).Select(f => f.Destination).ToList();
            Assert.Equal(2, served.Count);
            Assert.NotEqual(served[0], served[1]);
        }

        Assert.Equal(3, forwarded.Where(f => f.Path == "/logs/publish").Select(f => f.Destination).Distinct().Count());
    }
}
