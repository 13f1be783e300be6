using StreamGen.E2E.Tests.Support;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Acme.Logger;
using Acme.Logger.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.E2E.Tests.Hostile;

/// <summary>
/// Slow consumers never cause a silent gap (issue 10.1): one subscriber that stops reading while many entries are
/// published costs at most its queue and holds no publisher back, is cut off with 1008 (by its transport's stall
/// timeout, or by the bus once it falls behind what the topic retains; every entry it did get contiguous), is counted in
/// publish's dropped, and a subscriber that keeps reading gets every entry in order, catching up from the retained
/// entries when publishers outrun its queue, and holding them to its pace before it would lose one.
/// </summary>
public sealed class SlowConsumerTests
{
    private const int Entries = 6000;

    [Fact]
    public async Task A_stalled_subscriber_is_cut_off_with_1008_while_a_reading_one_gets_every_entry_in_order()
    {
        await using var server = await LoggerServers.StartAsync(["--StreamGen:Http:StallTimeout=00:00:01"], bus =>
        {
            bus.SubscriberQueue = 256;
            bus.SubscriberTimeout = TimeSpan.FromSeconds(10);

            // The transport's stall timeout is under test, not the bus's eviction wait (see the gRPC twin).
            bus.EvictionWait = TimeSpan.FromSeconds(5);
        });
        var bus = server.Services.GetRequiredService<LogBus>();
        var topic = $"slow-{Guid.NewGuid():N}"[..20];
        var payload = new string('x', 4000);
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        var client = new LoggerHttpClient(http, new Acme.Logger.Runtime.StreamGenClientOptions { Credentials = LoggerServers.Credentials });
        await using var stalled = await RawWebSocket.ConnectAsync(server.HttpPort, $"/logs/{topic}/stream", receiveBufferSize: 4096);
        await using var fast = await client.SubscribeAsync(new SubscribePayload { Topic = topic });
        var reading = Task.Run(async () =>
        {
            var messages = new List<SubscribeResult>(Entries);
            await foreach (var entry in fast.ReadAllAsync())
            {
                messages.Add(entry);
                if (messages.Count == Entries)
                {
                    break;
                }
            }

            return messages;
        });
        await WaitUntilAsync(() => bus.SubscriberCount == 2);

        await using var publisher = await client.PublishAsync();
        for (var i = 0; i < Entries; i++)
        {
            await publisher.SendAsync(new LogEntry { Topic = topic, Message = $"{i} {payload}" });
        }

        var published = await publisher.CloseAndRecvAsync();
        var received = await reading.WaitAsync(TimeSpan.FromSeconds(60));
        var (close, stalledMessages) = await ReadUntilCloseAsync(stalled.Socket);

        Assert.Equal((Entries, 1L), (published.Count, published.Dropped));
        Assert.Equal(Enumerable.Range(0, Entries), received.Select(Number));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.Status);
        Assert.StartsWith("stalled: ", close.Reason, StringComparison.Ordinal);
        Assert.InRange(stalledMessages.Count, 1, Entries - 1);
        Assert.Equal(Enumerable.Range(0, stalledMessages.Count), stalledMessages.Select(m => Number(JsonSerializer.Deserialize(m, LoggerJsonContext.Default.SubscribeResult)!)));
        await WaitUntilAsync(() => bus.SubscriberCount == 1);
    }

    [Fact]
    public async Task A_subscriber_that_keeps_reading_is_never_cut_off_even_when_publishers_outrun_its_queue()
    {
        // Its queue is tiny and the burst is twice what the topic retains: it catches up from the retained entries, and
        // holds the publishers to its pace rather than lose one.
        // The eviction wait is what keeps it: generous here, so a loaded test machine that deschedules the reader for a
        // moment does not look like a stalled subscriber (the default's figures are the benchmark's).
        await using var server = await LoggerServers.StartAsync([], bus =>
        {
            bus.SubscriberQueue = 16;
            bus.EvictionWait = TimeSpan.FromSeconds(5);
        });
        var topic = $"steady-{Guid.NewGuid():N}"[..20];
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        var client = new LoggerHttpClient(http, new Acme.Logger.Runtime.StreamGenClientOptions { Credentials = LoggerServers.Credentials });
        await using var subscription = await client.SubscribeAsync(new SubscribePayload { Topic = topic });
        var reading = Task.Run(async () =>
        {
            var messages = new List<SubscribeResult>();
            await foreach (var entry in subscription.ReadAllAsync())
            {
                messages.Add(entry);
                if (messages.Count % 100 == 0)
                {
                    await Task.Delay(5);
                }

                if (messages.Count == 2000)
                {
                    break;
                }
            }

            return messages;
        });
        await WaitUntilAsync(() => server.Services.GetRequiredService<LogBus>().SubscriberCount == 1);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            await using var publisher = await client.PublishAsync();
            for (var i = 0; i < 500; i++)
            {
                await publisher.SendAsync(new LogEntry { Topic = topic, Message = $"{p}:{i}" });
            }

            return await publisher.CloseAndRecvAsync();
        })));
        var received = await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(results, r => Assert.Equal((500L, 0L), (r.Count, r.Dropped ?? 0)));
        Assert.Equal(2000, received.Count);
        var ids = received.Select(r => long.Parse(r.Id!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        foreach (var p in Enumerable.Range(0, 4))
        {
            Assert.Equal(Enumerable.Range(0, 500).Select(i => $"{p}:{i}"), received.Select(r => r.Message).Where(m => m.StartsWith($"{p}:", StringComparison.Ordinal)));
        }
    }

    private static int Number(SubscribeResult entry) => int.Parse(entry.Message.AsSpan(0, entry.Message.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);

    private static async Task<((WebSocketCloseStatus? Status, string? Reason) Close, List<string> Messages)> ReadUntilCloseAsync(WebSocket socket)
    {
        var messages = new List<string>();
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return ((result.CloseStatus, result.CloseStatusDescription), messages);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                messages.Add(Encoding.UTF8.GetString(message.ToArray()));
                message.SetLength(0);
            }
        }
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
