using System.Net;
using System.Text.Json;
using Acme.Chat;
using StreamGen.Runtime;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using StreamGen.E2E.Tests.Support;

namespace StreamGen.E2E.Tests.Chat;

/// <summary>
/// The chat design at run time: every primitive both ways on both transports, path/query/header parameters, partial and
/// attribute bodies, response headers, fixed and chosen views, SSE fields and resumption, raw bodies, primitive payloads.
/// </summary>
public sealed class ChatTests : IAsyncLifetime
{
    private readonly List<IDisposable> _disposables = [];
    private TestServer _server = null!;

    public static TheoryData<Transport> Both => Transports.Both;

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync(builder => builder.AddChatServer(), app => app.MapChatServer(), services => services.AddSingleton<IChatService, ChatService>());

    public async Task DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Every_primitive_round_trips(Transport transport)
    {
        var sample = new Sample
        {
            Flag = false, Small = -10, Medium = 7, Large = 8_999_999_999, Count = 4_000_000_000, Count32 = 1, Count64 = ulong.MaxValue, Ratio = 0.5f, Score = -1.25e100,
            Text = "ünïcødé ✓", Blob = [0, 1, 254, 255], Extra = JsonDocument.Parse("""{"a":[1,true,null,"x"]}""").RootElement, Day = "2026-11-25", Host = "example.com",
            Address = "2001:db8::1", Codes = new Dictionary<int, string> { [1] = "one", [-2] = "minus two" },
        };

        var echoed = await Client(transport).EchoAsync(sample);

        Assert.Equal(
            (sample.Flag, sample.Small, sample.Medium, sample.Large, sample.Count, sample.Count32, sample.Count64, sample.Ratio, sample.Score, sample.Text, sample.Day, sample.Host, sample.Address),
            (echoed.Flag, echoed.Small, echoed.Medium, echoed.Large, echoed.Count, echoed.Count32, echoed.Count64, echoed.Ratio, echoed.Score, echoed.Text, echoed.Day, echoed.Host, echoed.Address));
        Assert.Equal(sample.Blob, echoed.Blob);
        Assert.Equal(sample.Extra.Value.GetRawText(), echoed.Extra!.Value.GetRawText());
        Assert.Equal(sample.Codes.OrderBy(c => c.Key), echoed.Codes!.OrderBy(c => c.Key));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Optional_attributes_stay_absent_and_defaults_apply(Transport transport)
    {
        var echoed = await Client(transport).EchoAsync(new Sample { Small = 1, Text = "t" });

        Assert.True(echoed.Flag);
        Assert.Equal((null, null, null, null), (echoed.Medium, echoed.Blob, echoed.Extra, echoed.Codes));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Join_takes_a_header_a_path_parameter_and_a_partial_body(Transport transport)
    {
        var result = await Client(transport).JoinAsync(new JoinPayload { Room = "lobby", Token = "secret", Profile = new Author { Id = "0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10", Name = "Ada" }, Notify = true });

        Assert.Equal((6, "welcome Ada to lobby (notified)"), (result.Members, result.Welcome));
    }

    [Fact]
    public async Task Join_over_http_has_its_status_headers_and_body_where_the_design_puts_them()
    {
        using var http = new HttpClient { BaseAddress = _server.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms/lobby/members") { Content = new StringContent("""{"profile":{"id":"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10","name":"Ada"}}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "four");

        using var response = await http.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["4"], response.Headers.GetValues("X-Member-Count"));
        Assert.Equal(["welcome"], body.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_mapped_error_keeps_its_name_and_status(Transport transport)
    {
        var error = await Assert.ThrowsAnyAsync<ServiceError>(() => Client(transport).JoinAsync(new JoinPayload { Room = "nowhere", Token = "t", Profile = new Author { Id = "0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10", Name = "Ada" } }));

        Assert.Equal(("room_not_found", "no room 'nowhere'"), (error.Name, error.Message));
        Assert.True(transport == Transport.Grpc
            ? Assert.IsType<GrpcServiceError>(error).StatusCode == Grpc.Core.StatusCode.NotFound
            : Assert.IsType<HttpServiceError>(error).StatusCode == 404);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Query_parameters_arrays_and_defaults_reach_the_handler(Transport transport)
    {
        var result = await Client(transport).HistoryAsync(new HistoryPayload { Room = "lobby", Tags = ["a b", "c&d"], Before = 42 });

        Assert.Equal(["lobby:a b:50:42", "lobby:c&d:50:42"], result.Messages.Select(m => m.Text));
        Assert.Equal("reply", Assert.Single(result.Threads![0].Replies!).Root.Text);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task The_client_chooses_a_view_and_a_method_can_fix_one(Transport transport)
    {
        var client = Client(transport);
        await using var compact = await client.ListenAsync(new ListenPayload { Room = "lobby", View = View.Compact });
        await using var ticker = await client.TickerAsync(new TickerPayload { Room = "lobby" });

        var events = await ReadAllAsync(compact.ReadAllAsync());
        var tick = Assert.Single(await ReadAllAsync(ticker.ReadAllAsync()));

        Assert.Equal(ChatEventView.Compact, compact.View);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Id));
        Assert.All(events.Append(tick), e => Assert.Equal((null, null, null), (e.Room, e.Message, e.Members)));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Streams_in_both_directions_and_a_design_error_on_open(Transport transport)
    {
        var client = Client(transport);
        await using var converse = await client.ConverseAsync(new ConversePayload { Room = "lobby" });
        await converse.SendAsync(new Message { Text = "hello", Author = new Author { Id = "0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10", Name = "Ada" } });
        var echoed = (await converse.RecvAsync())!;
        await converse.CloseAsync();

        var muted = await Assert.ThrowsAnyAsync<ServiceError>(async () =>
        {
            await using var send = await client.SendAsync(new SendPayload { Room = "lobby", Token = "muted" });
            await send.CloseAndRecvAsync();
        });

        Assert.Equal(("hello", "lobby", 1L), (echoed.Message!.Text, echoed.Room, echoed.Id));
        Assert.Null(await converse.RecvAsync());
        Assert.Equal(("muted", true), (muted.Name, muted.Temporary));
    }

    [Fact]
    public async Task Server_sent_events_carry_id_event_retry_and_resume_after_last_event_id()
    {
        var client = (ChatHttpClient)Client(Transport.WebSocket);
        using var http = new HttpClient { BaseAddress = _server.HttpAddress };

        await using (var feed = await client.FeedAsync(new FeedPayload { Room = "lobby", After = "3" }))
        {
            var events = await ReadAllAsync(feed.ReadAllAsync());
            Assert.Equal([4L, 5L], events.Select(e => e.Seq));
        }

        var raw = await http.GetStringAsync("/api/rooms/lobby/feed");
        Assert.StartsWith("event: odd\ndata: {\"seq\":1,\"kind\":\"odd\",\"text\":\"event 1\",\"delay\":1500}\nid: 1\nretry: 1500\n\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_bodies_stream_both_ways()
    {
        var client = Client(Transport.WebSocket);
        var upload = new MemoryStream(new byte[5_000_000]);

        var attached = await client.AttachAsync(new AttachPayload { Room = "lobby", Name = "big.bin" }, upload);
        await using var export = await client.ExportAsync(new ExportPayload { Room = "lobby" });
        using var reader = new StreamReader(export);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(5_000_000, attached.Bytes);
        Assert.Equal(1000, lines.Length);
        Assert.All(lines, line => Assert.Equal("room lobby", line));
        Assert.Equal("text/plain", ((ResponseBodyStream)export).Response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Primitive_payloads_and_empty_methods_work(Transport transport)
    {
        var client = Client(transport);

        Assert.Equal("HEY!", await client.ShoutAsync("hey"));
        await client.CloseAsync();
    }

    [Fact]
    public async Task A_body_that_is_one_attribute_of_the_payload_and_an_unmapped_error_is_a_500()
    {
        await Client(Transport.WebSocket).RenameAsync(new RenamePayload { Room = "lobby", Title = "New title" });
        using var http = new HttpClient { BaseAddress = _server.HttpAddress };

        using var response = await http.PatchAsync("/api/rooms/lobby", new StringContent("\"forbidden\"", System.Text.Encoding.UTF8, "application/json"));

        // rename maps no status to room_not_found, so the handler's error is a 500 that still names it.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(["room_not_found"], response.Headers.GetValues("goa-error"));
    }

    [Fact]
    public async Task Methods_not_served_over_grpc_say_so()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => Client(Transport.Grpc).FeedAsync(new FeedPayload { Room = "lobby" }));

        Assert.Equal("chat.feed is not served over gRPC.", error.Message);
    }

    private IChatClient Client(Transport transport)
    {
        if (transport == Transport.WebSocket)
        {
            var http = new HttpClient { BaseAddress = _server.HttpAddress };
            _disposables.Add(http);
            return new ChatHttpClient(http);
        }

        var channel = GrpcChannel.ForAddress(_server.GrpcAddress);
        _disposables.Add(channel);
        return new ChatGrpcClient(channel);
    }

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> stream)
    {
        var items = new List<T>();
        await foreach (var item in stream)
        {
            items.Add(item);
        }

        return items;
    }
}
