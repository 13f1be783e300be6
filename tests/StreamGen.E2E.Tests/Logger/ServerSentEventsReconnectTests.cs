using System.Collections.Concurrent;
using System.Net;
using Xunit.Abstractions;
using Acme.Logger;
using Acme.Logger.Runtime;
using Microsoft.Extensions.DependencyInjection;
using StreamGen.E2E.Tests.Hostile;
using StreamGen.E2E.Tests.Support;

namespace StreamGen.E2E.Tests.Logger;

/// <summary>
/// Server-Sent Events over a network that breaks (#11): the generated client reconnects by itself with Last-Event-ID
/// and its stream goes on with no duplicate and no gap; it stops with the server's error when the server cannot resume;
/// an idle stream carries heartbeats from the start.
/// </summary>
public sealed class ServerSentEventsReconnectTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_stream_cut_at_random_points_delivers_every_entry_once_and_in_order()
    {
        const int count = 10_000;
        await using var server = await LoggerServers.StartAsync([], bus => bus.Retain = count * 2);
        await using var proxy = new CuttingProxy(server.HttpPort);
        var reconnects = new ConcurrentQueue<ServerSentEventsReconnect>();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{proxy.Port}/") };
        http.DefaultRequestHeaders.Host = $"127.0.0.1:{server.HttpPort}";
        var client = new LoggerHttpClient(http, new StreamGenClientOptions
        {
            ServerSentEventsReconnectDelay = TimeSpan.FromMilliseconds(5),
            ServerSentEventsMaxReconnectDelay = TimeSpan.FromMilliseconds(50),
            ServerSentEventsMaxReconnectAttempts = 100,
            ServerSentEventsReconnecting = reconnects.Enqueue,
        });
        var bus = server.Services.GetRequiredService<LogBus>();
        var topic = $"cut-{Guid.NewGuid():N}"[..20];

        await using var events = await client.EventsAsync(new EventsPayload { Topic = topic });
        using var publishing = new CancellationTokenSource();
        var publisher = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await bus.PublishAsync(topic, $"m{i}", Level.Info);
                if (i % 100 == 99)
                {
                    await Task.Delay(2);
                }
            }
        });
        var received = new List<string>(count);
        var progress = 0;
        var cutter = Task.Run(async () =>
        {
            while (!publishing.IsCancellationRequested)
            {
                // A random point, but only once the stream moved since the last cut: on a starved machine a reconnect can
                // take longer than the gap between cuts, and the test would measure the machine instead of the resumption.
                var seen = Volatile.Read(ref progress);
                await Task.Delay(Random.Shared.Next(20, 120));
                while (Volatile.Read(ref progress) == seen && !publishing.IsCancellationRequested)
                {
                    await Task.Delay(5);
                }

                proxy.CutAll();
            }
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await foreach (var record in events.ReadAllAsync(timeout.Token))
            {
                received.Add(record.Message!);
                Volatile.Write(ref progress, received.Count);
                if (received.Count == count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            using var direct = new HttpClient { BaseAddress = server.HttpAddress };
            using var probe = new HttpRequestMessage(HttpMethod.Get, $"logs/{topic}/events");
            probe.Headers.TryAddWithoutValidation("Last-Event-ID", ((ServerSentEventsClientStream<LogRecord>)events).LastEventId);
            using var probeResponse = await direct.SendAsync(probe, HttpCompletionOption.ResponseHeadersRead);
            var probeBody = await probeResponse.Content.ReadAsStreamAsync();
            var probeBuffer = new byte[300];
            var probeRead = 0;
            try
            {
                probeRead = await probeBody.ReadAsync(probeBuffer).AsTask().WaitAsync(TimeSpan.FromSeconds(3));
            }
            catch (TimeoutException)
            {
                probeRead = 0;
            }

            Assert.Fail($"probe {probeResponse.StatusCode}: {System.Text.Encoding.UTF8.GetString(probeBuffer, 0, probeRead)}; stuck after {received.Count} entries: published {bus.Stored}, {proxy.Cut} cut, {reconnects.Count} reconnections, last {reconnects.LastOrDefault()}, publisher {publisher.Status}, subscribers {bus.SubscriberCount}");
        }

        await publishing.CancelAsync();
        await Task.WhenAll(publisher, cutter);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"m{i}"), received);
        Assert.True(proxy.Cut >= 3, $"the proxy cut {proxy.Cut} connections");
        Assert.True(reconnects.Count >= 3 && events is ServerSentEventsClientStream<LogRecord> { Reconnections: >= 3 }, $"{reconnects.Count} reconnections reported");
        Assert.All(reconnects, r => Assert.True(r.Attempt >= 1 && r.Delay <= TimeSpan.FromMilliseconds(50)));
        output.WriteLine($"SSE under cuts: {count} entries, {proxy.Cut} connections cut, {reconnects.Count} reconnections, {proxy.Accepted} connections");
    }

    [Fact]
    public async Task A_stream_that_cannot_resume_ends_with_the_servers_gone_error()
    {
        await using var server = await LoggerServers.StartAsync([], bus => bus.Retain = 5);
        await using var proxy = new CuttingProxy(server.HttpPort);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{proxy.Port}/") };
        http.DefaultRequestHeaders.Host = $"127.0.0.1:{server.HttpPort}";
        var reconnects = new ConcurrentQueue<ServerSentEventsReconnect>();
        var client = new LoggerHttpClient(http, new StreamGenClientOptions { ServerSentEventsReconnectDelay = TimeSpan.FromMilliseconds(200), ServerSentEventsReconnecting = reconnects.Enqueue });
        var bus = server.Services.GetRequiredService<LogBus>();
        var topic = $"gone-{Guid.NewGuid():N}"[..20];
        await using var events = await client.EventsAsync(new EventsPayload { Topic = topic });
        await bus.PublishAsync(topic, "first", Level.Info);
        var first = await events.ReceiveAsync();

        // The connection drops, and while the client waits to reconnect the entry it saw leaves the retained ones.
        proxy.CutAll();
        for (var i = 0; i < 20; i++)
        {
            await bus.PublishAsync(topic, $"later {i}", Level.Info);
        }

        var error = await Assert.ThrowsAsync<HttpServiceError>(async () => await events.ReceiveAsync());
        Assert.Equal("first", first.Value.Message);
        Assert.Equal("gone", error.Name);
        Assert.Equal(410, error.StatusCode);
        Assert.Single(reconnects);
        Assert.Equal(first.Value.Id, reconnects.Single().LastEventId);
    }

    [Fact]
    public async Task A_server_that_stays_down_ends_the_stream_after_the_configured_attempts()
    {
        var server = await LoggerServers.StartAsync([]);
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        var reconnects = new ConcurrentQueue<ServerSentEventsReconnect>();
        var client = new LoggerHttpClient(http, new StreamGenClientOptions
        {
            ServerSentEventsMaxReconnectAttempts = 3,
            ServerSentEventsReconnectDelay = TimeSpan.FromMilliseconds(10),
            ServerSentEventsReconnecting = reconnects.Enqueue,
        });
        await using var events = await client.EventsAsync(new EventsPayload { Topic = "down" });
        var receive = events.ReceiveAsync().AsTask();

        await server.DisposeAsync();

        var error = await Assert.ThrowsAnyAsync<ServiceError>(() => receive.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal([1, 2, 3], reconnects.Select(r => r.Attempt));
        Assert.True(error.Temporary || error is HttpServiceError { StatusCode: >= 500 }, $"{error.Name}: {error.Message}");
    }

    [Fact]
    public async Task An_idle_stream_sends_heartbeats_from_its_first_byte()
    {
        await using var server = await LoggerServers.StartAsync(["--StreamGen:Http:SseHeartbeat=00:00:00.200"]);
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "logs/quiet/events");
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(10));
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64];
        var read = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (read < 6)
        {
            read += await body.ReadAsync(buffer.AsMemory(read), timeout.Token);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(":\n\n:\n\n", System.Text.Encoding.UTF8.GetString(buffer, 0, 6));
    }
}
