using StreamGen.E2E.Tests.Support;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Acme.Logger;
using Acme.Logger.Runtime;

namespace StreamGen.E2E.Tests.Logger;

/// <summary>
/// One route, several framings (issue 11.3): the logger's <c>events</c> (<c>serverSentEvents</c>) also answers
/// <c>Accept: application/x-ndjson</c> with one JSON value a line, and a WebSocket upgrade; the generated client reads
/// each framing when told to, and Server-Sent Events otherwise.
/// </summary>
public sealed class FramingTests(LoggerServerFixture fixture) : IClassFixture<LoggerServerFixture>
{
    public static TheoryData<StreamFraming?> Framings => new() { null, StreamFraming.ServerSentEvents, StreamFraming.JsonLines, StreamFraming.WebSocket };

    [Fact]
    public async Task Accept_ndjson_gets_one_JSON_value_a_line_flushed_as_published_as_curl_reads_it()
    {
        var topic = NewTopic();
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/logs/{topic}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());

        // Each entry arrives while the stream is open (flushed per item, not at the end of the response).
        await using var publisher = await fixture.Client(Transport.WebSocket).PublishAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            await publisher.SendAsync(new LogEntry { Topic = topic, Message = $"line {i}", Level = Level.Warn });
            var line = await lines.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            using var json = JsonDocument.Parse(line!);
            Assert.Equal($"line {i}", json.RootElement.GetProperty("message").GetString());
            Assert.Equal("warn", json.RootElement.GetProperty("level").GetString());
            Assert.Equal(topic, json.RootElement.GetProperty("topic").GetString());
            ids.Add(long.Parse(json.RootElement.GetProperty("id").GetString()!, CultureInfo.InvariantCulture));
        }

        Assert.Equal(ids.Order(), ids);
        await publisher.CloseAndRecvAsync();
    }

    [Fact]
    public async Task Without_Accept_or_with_event_stream_preferred_the_route_stays_Server_Sent_Events()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };
        foreach (var accept in new[] { null, "*/*", "text/event-stream", "text/event-stream, application/x-ndjson;q=0.5" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/logs/{NewTopic()}/events");
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        }

        using var ndjson = new HttpRequestMessage(HttpMethod.Get, $"/logs/{NewTopic()}/events");
        ndjson.Headers.TryAddWithoutValidation("Accept", "text/event-stream;q=0.4, application/x-ndjson");
        using var preferred = await http.SendAsync(ndjson, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("application/x-ndjson", preferred.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_payload_error_is_the_same_HTTP_error_whatever_the_framing()
    {
        var topic = NewTopic();
        await using (var publisher = await fixture.Client(Transport.WebSocket).PublishAsync())
        {
            await publisher.SendAsync(new LogEntry { Topic = topic, Message = "after the restart" });
            await publisher.CloseAndRecvAsync();
        }

        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/logs/{topic}/events");
        request.Headers.Accept.ParseAdd("application/x-ndjson");
        request.Headers.TryAddWithoutValidation("Last-Event-ID", "3");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("gone", error.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_WebSocket_upgrade_on_the_SSE_route_streams_text_frames_of_Goa_s_wire_protocol()
    {
        var topic = NewTopic();
        using var socket = new ClientWebSocket { Options = { CollectHttpResponseDetails = true } };
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{fixture.Server.HttpPort}/logs/{topic}/events"), CancellationToken.None);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);

        await using (var publisher = await fixture.Client(Transport.WebSocket).PublishAsync())
        {
            await publisher.SendAsync(new LogEntry { Topic = topic, Message = "over a socket" });
            await publisher.CloseAndRecvAsync();
        }

        var buffer = new byte[64 * 1024];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(WebSocketMessageType.Text, received.MessageType);
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, received.Count));
        Assert.Equal("over a socket", json.RootElement.GetProperty("message").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task The_generated_client_receives_every_entry_in_order_over_each_framing(StreamFraming? framing)
    {
        var topic = NewTopic();
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };
        var client = new LoggerHttpClient(http, new StreamGenClientOptions { ServerStreamFraming = framing });
        await using var events = await client.EventsAsync(new EventsPayload { Topic = topic });
        await using var inbox = new Inbox<LogRecord>(events.ReadAllAsync());

        await using var publisher = await fixture.Client(Transport.WebSocket).PublishAsync();
        for (var i = 0; i < 50; i++)
        {
            await publisher.SendAsync(new LogEntry { Topic = topic, Message = $"m{i}", Level = i % 2 == 0 ? Level.Info : Level.Warn });
        }

        Assert.Equal(50, (await publisher.CloseAndRecvAsync()).Count);
        for (var i = 0; i < 50; i++)
        {
            var entry = await inbox.NextAsync();
            Assert.Equal(($"m{i}", i % 2 == 0 ? Level.Info : Level.Warn, topic), (entry.Message, entry.Level, entry.Topic));
        }
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task The_generated_client_resumes_after_a_retained_id_over_each_framing(StreamFraming? framing)
    {
        var topic = NewTopic();
        var publishing = fixture.Client(Transport.WebSocket);
        await using (var publisher = await publishing.PublishAsync())
        {
            for (var i = 0; i < 5; i++)
            {
                await publisher.SendAsync(new LogEntry { Topic = topic, Message = $"r{i}" });
            }

            await publisher.CloseAndRecvAsync();
        }

        var recent = await publishing.RecentAsync(new RecentPayload { Topic = topic });
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };
        var client = new LoggerHttpClient(http, new StreamGenClientOptions { ServerStreamFraming = framing });
        await using var events = await client.EventsAsync(new EventsPayload { Topic = topic, Since = recent.Entries[1].Id });
        await using var inbox = new Inbox<LogRecord>(events.ReadAllAsync());

        Assert.Equal(["r2", "r3", "r4"], [(await inbox.NextAsync()).Message, (await inbox.NextAsync()).Message, (await inbox.NextAsync()).Message]);
    }

    private static string NewTopic() => $"framing-{Guid.NewGuid():N}"[..24];
}
