using StreamGen.E2E.Tests.Support;
using System.Globalization;
using System.Net;
using Acme.Logger;
using Acme.Logger.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StreamGen.E2E.Tests.Logger;

/// <summary>
/// Resume by id (the contract's "Resume" lines): subscribe's result carries the entry id, subscribe and watch take
/// since (query parameter over HTTP, request field or metadata over gRPC) and events Last-Event-ID; the stream starts
/// after that entry with no duplicate and no gap, and an id the server cannot place is gone (410 / OUT_OF_RANGE).
/// </summary>
public sealed class ResumeTests(LoggerServerFixture fixture) : IClassFixture<LoggerServerFixture>
{
    public static TheoryData<Transport> Both => Transports.Both;

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Subscribe_with_since_starts_after_that_entry_with_no_gap_and_no_duplicate_while_entries_keep_coming(Transport transport)
    {
        var client = fixture.Client(transport);
        var topic = NewTopic();
        var first = await PublishAsync(client, topic, Enumerable.Range(0, 10).Select(i => $"m{i}"));
        var since = (await client.RecentAsync(new RecentPayload { Topic = topic })).Entries[3].Id;

        await using var subscription = await client.SubscribeAsync(new SubscribePayload { Topic = topic, Since = since });
        await using var inbox = new Inbox<SubscribeResult>(subscription.ReadAllAsync());
        await PublishAsync(client, topic, Enumerable.Range(10, 10).Select(i => $"m{i}"));

        var received = new List<SubscribeResult>();
        for (var i = 4; i < 20; i++)
        {
            received.Add(await inbox.NextAsync());
        }

        Assert.Equal(10, first);
        Assert.Equal(Enumerable.Range(4, 16).Select(i => $"m{i}"), received.Select(r => r.Message));
        var ids = received.Select(r => long.Parse(r.Id!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids[0] > long.Parse(since, CultureInfo.InvariantCulture));
        var (extra, message) = await inbox.TryNextAsync(TimeSpan.FromMilliseconds(200));
        Assert.False(extra, message?.Message);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task The_id_of_a_subscribed_entry_is_the_id_the_bus_stored(Transport transport)
    {
        var client = fixture.Client(transport);
        var topic = NewTopic();
        await using var subscription = await client.SubscribeAsync(new SubscribePayload { Topic = topic });
        await using var inbox = new Inbox<SubscribeResult>(subscription.ReadAllAsync());

        await PublishAsync(client, topic, ["one"]);
        var entry = await inbox.NextAsync();

        Assert.Equal((await client.RecentAsync(new RecentPayload { Topic = topic })).Entries.Single().Id, entry.Id);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_since_id_from_before_this_server_started_is_gone_not_a_silent_skip(Transport transport)
    {
        var client = fixture.Client(transport);
        var topic = NewTopic();
        await PublishAsync(client, topic, ["after the restart"]);

        var error = await Assert.ThrowsAnyAsync<ServiceError>(() => client.SubscribeAsync(new SubscribePayload { Topic = topic, Since = "3" }));

        Assert.True(LoggerErrors.IsGone(error), error.ToString());
        AssertGoneStatus(transport, error);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_since_id_the_topic_no_longer_retains_is_gone(Transport transport)
    {
        await using var server = await StartAsync(retain: 3);
        var client = Client(server, transport);
        var topic = NewTopic();
        await PublishAsync(client, topic, ["a", "b"]);
        var first = (await client.RecentAsync(new RecentPayload { Topic = topic })).Entries[0].Id;
        await using (var whole = await client.SubscribeAsync(new SubscribePayload { Topic = topic, Since = "0" }))
        {
            Assert.Equal(["a", "b"], [(await whole.RecvAsync())!.Message, (await whole.RecvAsync())!.Message]);
        }

        await PublishAsync(client, topic, ["c", "d", "e"]);
        var retained = (await client.RecentAsync(new RecentPayload { Topic = topic })).Entries;

        var error = await Assert.ThrowsAnyAsync<ServiceError>(() => client.SubscribeAsync(new SubscribePayload { Topic = topic, Since = first }));
        AssertGoneStatus(transport, await Assert.ThrowsAnyAsync<ServiceError>(() => client.SubscribeAsync(new SubscribePayload { Topic = topic, Since = "0" })));
        await using var fromOldest = await client.SubscribeAsync(new SubscribePayload { Topic = topic, Since = IdOf(retained, "c") });

        Assert.Equal(["c", "d", "e"], retained.Select(e => e.Message));
        AssertGoneStatus(transport, error);
        Assert.Equal(["d", "e"], [(await fromOldest.RecvAsync())!.Message, (await fromOldest.RecvAsync())!.Message]);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Watch_with_since_replays_each_added_topic_after_that_id_then_carries_new_entries(Transport transport)
    {
        var client = fixture.Client(transport);
        var database = NewTopic("database");
        var network = NewTopic("network");
        await PublishAsync(client, database, ["db 1", "db 2"]);
        await PublishAsync(client, network, ["net 1"]);
        var since = (await client.RecentAsync(new RecentPayload { Topic = database })).Entries[0].Id;

        await using var watch = await client.WatchAsync(new WatchPayload { Since = since });
        await using var inbox = new Inbox<LogRecord>(watch.ReadAllAsync());
        await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = database });
        await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = network });
        var replayed = new[] { (await inbox.NextAsync()).Message, (await inbox.NextAsync()).Message };
        await PublishAsync(client, database, ["db 3"]);

        Assert.Equal(["db 2", "net 1"], replayed);
        Assert.Equal("db 3", (await inbox.NextAsync()).Message);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Watch_with_a_since_id_this_server_never_issued_is_gone(Transport transport)
    {
        var client = fixture.Client(transport);

        var error = await Assert.ThrowsAnyAsync<ServiceError>(async () =>
        {
            await using var watch = await client.WatchAsync(new WatchPayload { Since = "42" });
            await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = NewTopic() });
            await watch.RecvAsync();
        });

        Assert.True(LoggerErrors.IsGone(error), error.ToString());
    }

    [Fact]
    public async Task Events_with_a_Last_Event_ID_from_before_a_restart_is_410_gone()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };
        var topic = NewTopic();
        await PublishAsync(fixture.Client(Transport.WebSocket), topic, ["after the restart"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/logs/{topic}/events");
        request.Headers.Add("Last-Event-ID", "3");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(["gone"], response.Headers.GetValues("goa-error"));
    }

    [Fact]
    public async Task Events_with_a_retained_Last_Event_ID_replays_what_followed_it()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };
        var client = fixture.Client(Transport.WebSocket);
        var topic = NewTopic();
        await PublishAsync(client, topic, ["one", "two", "three"]);
        var entries = (await client.RecentAsync(new RecentPayload { Topic = topic })).Entries;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/logs/{topic}/events");
        request.Headers.Add("Last-Event-ID", entries[0].Id);

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var ids = new List<string>();
        while (ids.Count < 2 && await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                ids.Add(line["id: ".Length..]);
            }
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([entries[1].Id, entries[2].Id], ids);
    }

    [Fact]
    public async Task Ids_are_never_reused_by_a_later_bus_even_when_entries_come_faster_than_the_clock()
    {
        var options = Options.Create(new LogBusOptions());
        var before = new LogBus(options);
        var earlier = new List<long>();
        for (var i = 0; i < 1000; i++)
        {
            earlier.Add(long.Parse((await before.PublishAsync("t", "m", Level.Info)).Record.Id, CultureInfo.InvariantCulture));
        }

        var restarted = new LogBus(options);
        var later = long.Parse((await restarted.PublishAsync("t", "m", Level.Info)).Record.Id, CultureInfo.InvariantCulture);

        Assert.Equal(earlier.Order(), earlier);
        Assert.Equal(earlier.Count, earlier.Distinct().Count());
        Assert.True(later > earlier[^1], $"{later} after {earlier[^1]}");
        Assert.Throws<ServiceError>(() => restarted.Subscribe("t", earlier[^1].ToString(CultureInfo.InvariantCulture)));
    }

    private static void AssertGoneStatus(Transport transport, ServiceError error)
    {
        Assert.Equal("gone", error.Name);
        if (transport == Transport.WebSocket)
        {
            Assert.Equal(410, Assert.IsType<HttpServiceError>(error).StatusCode);
        }
        else
        {
            Assert.Equal(Grpc.Core.StatusCode.OutOfRange, Assert.IsType<GrpcServiceError>(error).StatusCode);
        }
    }

    private static string IdOf(IReadOnlyList<LogRecord> entries, string message) =>
        (long.Parse(entries.Single(e => e.Message == message).Id, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);

    private static async Task<long> PublishAsync(ILoggerClient client, string topic, IEnumerable<string> messages)
    {
        await using var publisher = await client.PublishAsync();
        foreach (var message in messages)
        {
            await publisher.SendAsync(new LogEntry { Topic = topic, Message = message });
        }

        return (await publisher.CloseAndRecvAsync()).Count;
    }

    private static Task<TestServer> StartAsync(int retain) => Hostile.LoggerServers.StartAsync([], options => options.Retain = retain);

    private static ILoggerClient Client(TestServer server, Transport transport) => transport == Transport.WebSocket
        ? new LoggerHttpClient(new HttpClient { BaseAddress = server.HttpAddress }, new Acme.Logger.Runtime.StreamGenClientOptions { Credentials = Hostile.LoggerServers.Credentials })
        : new LoggerGrpcClient(Grpc.Net.Client.GrpcChannel.ForAddress(server.GrpcAddress), credentials: Hostile.LoggerServers.Credentials);

    private static string NewTopic(string stem = "resume") => $"{stem}-{Guid.NewGuid():N}"[..24];
}
