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
[Collection(ScaleOutCollection.Name)]
public sealed class LoadBalancedLoggerTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
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
        try
        {
            await RunAsync(instances, proxy);
        }
        finally
        {
            foreach (var instance in instances)
            {
                output.WriteLine($"instance on {instance.HttpPort}/{instance.GrpcPort}:\n{string.Join("\n", instance.Process.Output.Concat(instance.Process.Error))}");
            }
        }
    }

    private async Task RunAsync(RedisLogger[] instances, LoadBalancer proxy)
    {
        var (a, b) = (instances[0], instances[1]);
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

        // Every reader starts after a first entry (since), so none depends on when the proxy lets its call through: YARP
        // holds a response's headers until its first body bytes (dotnet/yarp#2520), so a gRPC call through it is only
        // open for its client once the first entry flows.
        var expected = new List<string>();
        await PublishAsync(http, topic, ["ready"], expected);
        var ready = (await http.RecentAsync(new RecentPayload { Topic = topic, Limit = 1 })).Entries.Single().Id;
        expected.Clear();

        var webSocket = new ReaderLog();
        var serverSentEvents = new ReaderLog();
        var grpcLog = new ReaderLog();
        var webSocketSubscription = await http.SubscribeAsync(new SubscribePayload { Topic = topic, Since = ready });
        var events = await http.EventsAsync(new EventsPayload { Topic = topic, Since = ready });
        var grpcSubscription = grpc.SubscribeAsync(new SubscribePayload { Topic = topic, Since = ready });
        const int cut = 100, total = 300;
        var readers = new[]
        {
            webSocket.ReadAsync(webSocketSubscription.ReadAllAsync().Select(e => (e.Id!, e.Message)), cut),
            serverSentEvents.ReadAsync(events.ReadAllAsync().Select(e => (e.Id, e.Message)), cut),
            Task.Run(async () => await grpcLog.ReadAsync((await grpcSubscription).ReadAllAsync().Select(e => (e.Id!, e.Message)), cut)),
        };

        // Published through the proxy too: each publish lands on the next instance.
        foreach (var batch in Enumerable.Range(0, 3))
        {
            await PublishAsync(http, topic, Enumerable.Range(batch * 100, 100).Select(i => $"m{i}"), expected);
        }

        await Task.WhenAll(readers).WaitAsync(Patience);

        // Each client is cut off after 100 entries and opens a new stream through the proxy with since (Last-Event-ID for
        // SSE): round-robin hands it to another instance, and it goes on after its last entry.
        await webSocketSubscription.DisposeAsync();
        await events.DisposeAsync();
        await (await grpcSubscription).DisposeAsync();
        await using var webSocketResumed = await http.SubscribeAsync(new SubscribePayload { Topic = topic, Since = webSocket.LastId });
        await using var eventsResumed = await http.EventsAsync(new EventsPayload { Topic = topic, Since = serverSentEvents.LastId });
        await using var grpcResumed = await grpc.SubscribeAsync(new SubscribePayload { Topic = topic, Since = grpcLog.LastId });
        output.WriteLine($"cut after: WebSocket {webSocket.Count} ({webSocket.LastId}), SSE {serverSentEvents.Count}, gRPC {grpcLog.Count}; forwarded: {string.Join(", ", proxy.Forwarded)}");
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

    private static async Task PublishAsync(LoggerHttpClient client, string topic, IEnumerable<string> messages, List<string> published)
    {
        await using var publisher = await client.PublishAsync();
        foreach (var message in messages)
        {
            await publisher.SendAsync(new LogEntry { Topic = topic, Message = message });
            published.Add(message);
        }

        await publisher.CloseAndRecvAsync();
    }
}
