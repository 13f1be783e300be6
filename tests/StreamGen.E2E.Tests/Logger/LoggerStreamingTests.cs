using StreamGen.E2E.Tests.Support;
using System.Globalization;
using Acme.Logger;
using Acme.Logger.Runtime;

namespace StreamGen.E2E.Tests.Logger;

/// <summary>
/// The logger example over both transports with the same assertions: every stream shape, the watch story, views,
/// validation both ways, errors, and cancellation observed by the server's handler.
/// </summary>
public sealed class LoggerStreamingTests(LoggerServerFixture fixture) : IClassFixture<LoggerServerFixture>
{
    public static TheoryData<Transport> Both => Transports.Both;

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Subscribe_streams_what_is_published_after_it_opened_in_order_and_publish_counts_it(Transport transport)
    {
        var client = fixture.Client(transport);
        var topic = NewTopic();
        await using var before = await client.PublishAsync();
        await before.SendAsync(Entry(topic, "before the subscription"));
        await before.CloseAndRecvAsync();

        await using var subscription = await client.SubscribeAsync(new SubscribePayload { Topic = topic });
        await using var inbox = new Inbox<SubscribeResult>(subscription.ReadAllAsync());
        await using var publisher = await client.PublishAsync();
        for (var i = 0; i < 20; i++)
        {
            await publisher.SendAsync(Entry(topic, $"m{i}", i % 2 == 0 ? Level.Info : Level.Warn));
        }

        var result = await publisher.CloseAndRecvAsync();

        Assert.Equal(20, result.Count);
        Assert.Equal(0, result.Dropped);
        for (var i = 0; i < 20; i++)
        {
            var entry = await inbox.NextAsync();
            Assert.Equal((topic, $"m{i}", i % 2 == 0 ? Level.Info : Level.Warn), (entry.Topic, entry.Message, entry.Level));
            Assert.True(DateTimeOffset.TryParse(entry.Timestamp, CultureInfo.InvariantCulture, out _), entry.Timestamp);
        }

        var recent = await client.RecentAsync(new RecentPayload { Topic = topic, Limit = 100 });
        Assert.Equal(["before the subscription", .. Enumerable.Range(0, 20).Select(i => $"m{i}")], recent.Entries.Select(e => e.Message));
        Assert.Equal(recent.Entries.Select(e => long.Parse(e.Id, CultureInfo.InvariantCulture)).Order(), recent.Entries.Select(e => long.Parse(e.Id, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Watch_carries_exactly_the_topics_in_its_filter_set_as_the_client_changes_it(Transport transport)
    {
        var client = fixture.Client(transport);
        var database = NewTopic("database");
        var network = NewTopic("network");
        await using var watch = await client.WatchAsync(new WatchPayload());
        await using var inbox = new Inbox<LogRecord>(watch.ReadAllAsync());
        await using var publisher = await client.PublishAsync();
        var sync = new FilterSync(watch, publisher, inbox);

        await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = database });
        await sync.WaitAsync();
        await publisher.SendAsync(Entry(database, "db 1"));
        await publisher.SendAsync(Entry(network, "net 1"));
        await publisher.SendAsync(Entry(database, "db 2"));
        Assert.Equal(["db 1", "db 2"], await Messages(inbox, 2));

        await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = network });
        await sync.WaitAsync();
        await publisher.SendAsync(Entry(database, "db 3"));
        await publisher.SendAsync(Entry(network, "net 2"));
        Assert.Equal(["db 3", "net 2"], await Messages(inbox, 2));

        await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Remove, Topic = database });
        await sync.WaitAsync();
        await publisher.SendAsync(Entry(database, "db 4"));
        await publisher.SendAsync(Entry(network, "net 3"));
        await publisher.SendAsync(Entry(network, "net 4"));
        Assert.Equal(["net 3", "net 4"], await Messages(inbox, 2));

        await watch.CloseAsync();
        await inbox.EndAsync();
        await fixture.Observations.WaitForAsync("watch:completed");
        Assert.Equal(LogRecordView.Default, watch.View);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Watch_renders_the_view_the_client_asked_for(Transport transport)
    {
        var client = fixture.Client(transport);
        var topic = NewTopic();
        await using var tiny = await client.WatchAsync(new WatchPayload { View = View.Tiny });
        await using var full = await client.WatchAsync(new WatchPayload { View = View.Default });
        await using var tinyInbox = new Inbox<LogRecord>(tiny.ReadAllAsync());
        await using var fullInbox = new Inbox<LogRecord>(full.ReadAllAsync());
        await using var publisher = await client.PublishAsync();
        await tiny.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = topic });
        await full.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = topic });
        await new FilterSync(tiny, publisher, tinyInbox).WaitAsync();
        await new FilterSync(full, publisher, fullInbox).WaitAsync();

        await publisher.SendAsync(Entry(topic, "hello", Level.Error));
        var small = await tinyInbox.NextAsync();
        var whole = await fullInbox.NextAsync();

        Assert.Equal(LogRecordView.Tiny, tiny.View);
        Assert.Equal(LogRecordView.Default, full.View);
        Assert.Equal(("hello", null, null, (Level?)null), (small.Message, small.Timestamp, small.Topic, small.Level));
        Assert.False(string.IsNullOrEmpty(small.Id));
        Assert.Equal(("hello", topic, Level.Error, small.Id), (whole.Message, whole.Topic, whole.Level, whole.Id));
        Assert.NotNull(whole.Timestamp);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task An_invalid_streamed_message_from_the_client_is_rejected_by_the_server(Transport transport)
    {
        var client = fixture.Client(transport);
        await using var publisher = await client.PublishAsync();

        await publisher.SendAsync(new LogEntry { Topic = NewTopic(), Message = "" });
        var error = await Assert.ThrowsAnyAsync<ServiceError>(async () => await publisher.CloseAndRecvAsync());

        Assert.Equal("invalid_length", error.Name);
        Assert.Contains("\"message\" length must be at least 1", error.Message, StringComparison.Ordinal);
        await fixture.Observations.WaitForAsync("publish:rejected:invalid_length");
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task An_invalid_streamed_message_from_the_server_is_rejected_by_the_client(Transport transport)
    {
        var client = fixture.Client(transport);
        await using var subscription = await client.SubscribeAsync(new SubscribePayload { Topic = ObservingLoggerService.SendInvalid });

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await subscription.RecvAsync());

        Assert.Equal("invalid_format", error.Name);
        Assert.Equal("timestamp", Assert.Single(error.Errors).Field);
        await subscription.DisposeAsync();
        await fixture.Observations.WaitForAsync($"subscribe:canceled:{ObservingLoggerService.SendInvalid}");
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_client_that_leaves_mid_stream_cancels_the_server_handler(Transport transport)
    {
        var client = fixture.Client(transport);
        var topic = NewTopic();
        var subscription = await client.SubscribeAsync(new SubscribePayload { Topic = topic });
        await using (var publisher = await client.PublishAsync())
        {
            await publisher.SendAsync(Entry(topic, "one"));
            await publisher.CloseAndRecvAsync();
        }

        Assert.Equal("one", (await subscription.RecvAsync())!.Message);
        await subscription.DisposeAsync();

        await fixture.Observations.WaitForAsync($"subscribe:canceled:{topic}");
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_design_error_before_the_stream_opens_reaches_the_client_by_name(Transport transport)
    {
        var client = fixture.Client(transport);

        var error = await Assert.ThrowsAnyAsync<ServiceError>(() => client.SubscribeAsync(new SubscribePayload { Topic = ObservingLoggerService.FailBeforeOpen }));

        Assert.Equal(("not_found", "no such topic"), (error.Name, error.Message));
        if (transport == Transport.WebSocket)
        {
            Assert.Equal(404, Assert.IsType<HttpServiceError>(error).StatusCode);
        }
        else
        {
            Assert.Equal(Grpc.Core.StatusCode.NotFound, Assert.IsType<GrpcServiceError>(error).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_design_error_after_the_stream_opens_ends_it_with_the_error_name(Transport transport)
    {
        var client = fixture.Client(transport);
        await using var subscription = await client.SubscribeAsync(new SubscribePayload { Topic = ObservingLoggerService.FailAfterOpen });

        Assert.Equal("one", (await subscription.RecvAsync())!.Message);
        var error = await Assert.ThrowsAnyAsync<ServiceError>(async () => await subscription.RecvAsync());

        Assert.Equal(("not_found", "the topic went away"), (error.Name, error.Message));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task An_unexpected_handler_exception_is_a_fault_that_leaks_nothing(Transport transport)
    {
        var client = fixture.Client(transport);
        await using var subscription = await client.SubscribeAsync(new SubscribePayload { Topic = ObservingLoggerService.Crash });

        var error = await Assert.ThrowsAnyAsync<ServiceError>(async () => await subscription.RecvAsync());

        Assert.Equal("fault", error.Name);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", error.Message, StringComparison.Ordinal);
        Assert.Contains(TestLog.Snapshot(), line => line.Contains("secret internal detail", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Concurrent_sends_from_one_handler_arrive_whole_and_in_each_sender_order(Transport transport)
    {
        var client = fixture.Client(transport);
        await using var subscription = await client.SubscribeAsync(new SubscribePayload { Topic = ObservingLoggerService.Concurrent });

        var messages = new List<string>();
        await foreach (var message in subscription.ReadAllAsync())
        {
            messages.Add(message.Message);
        }

        Assert.Equal(1000, messages.Count);
        foreach (var sender in Enumerable.Range(0, 4))
        {
            var sequence = messages.Where(m => m.StartsWith($"{sender}:", StringComparison.Ordinal)).Select(m => int.Parse(m.Split(':')[1], CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, 250), sequence);
        }
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Payloads_are_validated_before_they_are_sent(Transport transport)
    {
        var client = fixture.Client(transport);

        var error = await Assert.ThrowsAsync<ValidationException>(() => client.RecentAsync(new RecentPayload { Topic = "x", Limit = 5000 }));

        Assert.Equal("invalid_range", error.Name);
    }

    private static LogEntry Entry(string topic, string message, Level level = Level.Info) => new() { Topic = topic, Message = message, Level = level };

    private static string NewTopic(string stem = "topic") => $"{stem}-{Guid.NewGuid():N}"[..24];

    private static async Task<List<string>> Messages(Inbox<LogRecord> inbox, int count)
    {
        var messages = new List<string>();
        for (var i = 0; i < count; i++)
        {
            messages.Add((await inbox.NextAsync()).Message);
        }

        var (extra, message) = await inbox.TryNextAsync(TimeSpan.FromMilliseconds(300));
        Assert.False(extra, $"unexpected entry '{message?.Message}'");
        return messages;
    }

    /// <summary>
    /// A barrier for filter updates: updates are applied in order, so once a fresh probe topic added after them is in
    /// effect (a probe entry arrives), every earlier update is too. Probes are numbered, so the ones still in flight
    /// when the first arrives are drained exactly.
    /// </summary>
    private sealed class FilterSync(IWatchClientStream watch, IPublishClientStream publisher, Inbox<LogRecord> inbox)
    {
        public async Task WaitAsync()
        {
            var probe = NewTopic("sync");
            await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = probe });
            for (var sent = 0; sent < 100; sent++)
            {
                await publisher.SendAsync(Entry(probe, $"probe {sent}"));
                var (received, message) = await inbox.TryNextAsync(TimeSpan.FromMilliseconds(100));
                if (received)
                {
                    var first = int.Parse(message!.Message["probe ".Length..], CultureInfo.InvariantCulture);
                    for (var next = first + 1; next <= sent; next++)
                    {
                        Assert.Equal($"probe {next}", (await inbox.NextAsync()).Message);
                    }

                    await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Remove, Topic = probe });
                    return;
                }
            }

            Assert.Fail("The filter update never took effect.");
        }
    }
}
