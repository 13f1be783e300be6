using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Acme.Chat;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using StreamGen.E2E.Tests.Support;
using StreamGen.Runtime;

namespace StreamGen.E2E.Tests.Chat;

/// <summary>
/// A client stream sent as a JSON Lines request body (issue 11.3, <c>jsonLines: true</c> on chat's <c>import</c> and
/// <c>notices</c>): the generated client and a plain HttpClient with a hand-built chunked body (what curl sends) against
/// a real Kestrel, both sides observed. The same handler serves gRPC. Hostile bodies (a line that is not JSON, fails
/// validation or is too long, a client that leaves mid-body) end that request with Goa's error body and its status,
/// cancel the handler's token, are not read further, and leave everyone else served.
/// </summary>
public sealed class JsonLinesRequestTests : IAsyncLifetime
{
    private const int MaxMessageSize = 64 * 1024;
    private static readonly Author Ada = new() { Id = "0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10", Name = "Ada" };
    private readonly ChatService _service = new();
    private TestServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(
            builder => builder.AddChatServer(), app => app.MapChatServer(), services => services.AddSingleton<IChatService>(_service),
            [$"--StreamGen:Http:MaxMessageSize={MaxMessageSize}"]);
        _http = new HttpClient { BaseAddress = _server.HttpAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_generated_client_streams_each_message_as_a_line_and_reads_the_result()
    {
        var client = new ChatHttpClient(_http);
        await using var import = await client.ImportAsync(new ImportPayload { Room = "lobby", Token = "t" });
        for (var i = 0; i < 500; i++)
        {
            await import.SendAsync(Message($"m{i}"));
        }

        var result = await import.CloseAndRecvAsync();

        Assert.Equal((500, "m499"), (result.Accepted, result.Last));
        var seen = Assert.Single(_service.Imports);
        Assert.Equal(("lobby", 500, null, false), (seen.Room, seen.Received, seen.Error, seen.TokenCanceled));
    }

    [Fact]
    public async Task The_same_handler_serves_the_stream_over_gRPC()
    {
        using var channel = GrpcChannel.ForAddress(_server.GrpcAddress);
        IChatClient client = new ChatGrpcClient(channel);
        await using var import = await client.ImportAsync(new ImportPayload { Room = "lobby", Token = "t" });
        await import.SendAsync(Message("over grpc"));

        var result = await import.CloseAndRecvAsync();

        Assert.Equal((1, "over grpc"), (result.Accepted, result.Last));
    }

    [Fact]
    public async Task A_stream_without_a_result_is_answered_204_once_the_handler_has_read_it_all()
    {
        var client = new ChatHttpClient(_http);
        await using (var notices = await client.NoticesAsync(new NoticesPayload { Room = "lobby" }))
        {
            await notices.SendAsync("first");
            await notices.SendAsync("line\nbreak \"quoted\"");
            await notices.CloseAsync();
        }

        using var raw = await PostLinesAsync("/api/rooms/lobby/notices", HttpMethod.Put, ["\"a\"", "", "\"b\"\r"], authorization: null);

        Assert.Equal(HttpStatusCode.NoContent, raw.StatusCode);
        Assert.Equal([2, 2], _service.Imports.Select(s => s.Received));
    }

    [Fact]
    public async Task A_curl_like_chunked_body_with_blank_lines_and_CRLF_is_read_line_by_line()
    {
        var lines = new[] { Json(Message("one")), "", "   ", Json(Message("two")) + "\r", Json(Message("three")) };

        using var response = await PostLinesAsync("/api/rooms/lobby/import", HttpMethod.Post, lines, authorization: "t");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((3, "three"), (body.RootElement.GetProperty("accepted").GetInt32(), body.RootElement.GetProperty("last").GetString()));
    }

    [Theory]
    [InlineData("{\"text\": \"cut", 400, "decode_payload")]
    [InlineData("{\"text\": \"no author\"}", 400, "missing_field")]
    [InlineData("{\"text\": \"\", \"author\": {\"id\": \"0b3f5a5e-8d4f-4f38-9c8e-2f4c1c6d9a10\", \"name\": \"Ada\"}}", 400, "invalid_length")]
    [InlineData("null", 400, "missing_field")]
    public async Task A_bad_line_mid_way_is_answered_at_once_the_rest_unread_and_the_handler_canceled(string bad, int status, string name)
    {
        await using var upload = await ChunkedUpload.StartAsync(_server.HttpPort, "POST", "/api/rooms/lobby/import", new Dictionary<string, string> { ["Authorization"] = "t" });
        await upload.SendAsync(Json(Message("one")) + "\n" + Json(Message("two")) + "\n");
        await upload.SendAsync(bad + "\n");

        // The body stays open: the answer must come before its end, while valid lines keep coming.
        var more = await SendUntilAnsweredAsync(upload, Json(Message("more")) + "\n");

        var (answer, headers, body) = await upload.Response.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(more < 2_000, $"{more} more lines were sent before the answer");
        Assert.Equal((status, name, "close"), (answer, headers["goa-error"], headers["connection"]));
        using (var error = JsonDocument.Parse(body))
        {
            Assert.Equal(name, error.RootElement.GetProperty("name").GetString());
        }

        var seen = await SeenAsync("lobby");
        Assert.Equal((2, true), (seen.Received, seen.TokenCanceled));
        Assert.Equal(name, Assert.IsAssignableFrom<ServiceError>(seen.Error).Name);
        await Everyone_else_is_still_served();
    }

    [Fact]
    public async Task A_line_over_the_size_limit_is_413_as_soon_as_the_limit_is_passed()
    {
        await using var upload = await ChunkedUpload.StartAsync(_server.HttpPort, "POST", "/api/rooms/lobby/import", new Dictionary<string, string> { ["Authorization"] = "t" });
        await upload.SendAsync(Json(Message("fine")) + "\n");

        // One line that never ends: the server answers once it holds more than the limit, not at the end of the line.
        var chunks = await SendUntilAnsweredAsync(upload, new string('x', 4096));

        var (answer, headers, body) = await upload.Response.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal((413, "message_too_big"), (answer, headers["goa-error"]));
        Assert.Contains("65536", body, StringComparison.Ordinal);
        Assert.True(chunks * 4096L < 4 * MaxMessageSize + (4L << 20), $"{chunks} chunks of 4 KiB were sent before the answer");
        var seen = await SeenAsync("lobby");
        Assert.Equal((1, true), (seen.Received, seen.TokenCanceled));
        await Everyone_else_is_still_served();
    }

    [Fact]
    public async Task The_generated_client_gets_the_server_s_error_for_a_refused_message()
    {
        var client = new ChatHttpClient(_http);
        await using var import = await client.ImportAsync(new ImportPayload { Room = "lobby", Token = "t" });
        await import.SendAsync(Message("fine"));
        await import.SendAsync(Message(""));

        // The refusal arrives while the client may still be sending: a later send or the close reports it.
        var error = await Assert.ThrowsAsync<HttpServiceError>(async () =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                await import.SendAsync(Message($"after {i}"));
            }

            await import.CloseAndRecvAsync();
        });

        Assert.Equal((400, "invalid_length"), (error.StatusCode, error.Name));
        var seen = await SeenAsync("lobby");
        Assert.Equal((1, true), (seen.Received, seen.TokenCanceled));
    }

    [Fact]
    public async Task An_error_before_the_handler_reads_is_the_open_call_s_own_error()
    {
        var client = new ChatHttpClient(_http);

        // The open call waits for the server's answer to Expect: 100-continue up to HttpClient's Expect100ContinueTimeout
        // (1 s): a first request on a cold server, still compiling its code on a busy machine, can take longer.
        await Everyone_else_is_still_served();

        var muted = await Assert.ThrowsAsync<HttpServiceError>(() => client.ImportAsync(new ImportPayload { Room = "lobby", Token = "muted" }));
        var badRoom = await Assert.ThrowsAnyAsync<ServiceError>(() => client.ImportAsync(new ImportPayload { Room = "Not A Room", Token = "t" }));
        using var unvalidated = new HttpRequestMessage(HttpMethod.Post, "/api/rooms/Not%20A%20Room/import") { Content = new LinesContent([Json(Message("x"))]) };
        unvalidated.Headers.ExpectContinue = true;
        unvalidated.Headers.TryAddWithoutValidation("Authorization", "t");
        using var refused = await _http.SendAsync(unvalidated);

        Assert.Equal((403, "muted", true), (muted.StatusCode, muted.Name, muted.Temporary));
        Assert.Equal("invalid_pattern", badRoom.Name);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_pattern", await ErrorNameAsync(refused));
        Assert.DoesNotContain(_service.Imports, s => s.Room != "others");
    }

    [Fact]
    public async Task A_body_in_another_media_type_is_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms/lobby/import") { Content = new StringContent(Json(Message("x")), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "t");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", await ErrorNameAsync(response));
    }

    [Fact]
    public async Task A_client_that_leaves_mid_body_cancels_the_handler_and_others_are_still_served()
    {
        var client = new ChatHttpClient(_http);
        var import = await client.ImportAsync(new ImportPayload { Room = "leaving", Token = "t" });
        await import.SendAsync(Message("one"));
        await import.SendAsync(Message("two"));
        await WaitUntilAsync(() => false, TimeSpan.FromMilliseconds(200));
        await import.DisposeAsync();

        var seen = await SeenAsync("leaving");
        Assert.Equal(("connection_lost", true), (Assert.IsAssignableFrom<ServiceError>(seen.Error).Name, seen.TokenCanceled));
        Assert.Equal(2, seen.Received);

        // A plain client whose connection drops mid-body (curl killed).
        var upload = await ChunkedUpload.StartAsync(_server.HttpPort, "POST", "/api/rooms/raw-leaving/import", new Dictionary<string, string> { ["Authorization"] = "t" });
        await upload.SendAsync(Json(Message("a")) + "\n");
        await WaitUntilAsync(() => false, TimeSpan.FromMilliseconds(200));
        upload.Abort();

        var raw = await SeenAsync("raw-leaving");
        Assert.Equal(("connection_lost", true), (Assert.IsAssignableFrom<ServiceError>(raw.Error).Name, raw.TokenCanceled));
        await Everyone_else_is_still_served();
    }

    [Fact]
    public async Task A_server_that_does_not_read_holds_the_client_s_sends_back()
    {
        var client = new ChatHttpClient(_http);
        var notices = await client.NoticesAsync(new NoticesPayload { Room = "stalled" }).WaitAsync(TimeSpan.FromSeconds(20));
        var line = new string('n', 16 * 1024);
        var sent = 0L;
        var stopwatch = Stopwatch.StartNew();
        ValueTask pending = default;

        // Sockets buffer a few MiB at most: past that, a send waits for the reader.
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            pending = notices.SendAsync(line);
            if (!await CompletesWithinAsync(pending.AsTask(), TimeSpan.FromSeconds(1)))
            {
                break;
            }

            sent += line.Length;
        }

        Assert.False(pending.IsCompleted, $"every send completed ({sent} bytes) though the server read nothing");
        Assert.True(sent < 64L * 1024 * 1024, $"{sent} bytes were taken before a send waited");
        _service.StalledReader.SetResult();
        await pending;
        await notices.CloseAsync();
        await notices.DisposeAsync();
        var seen = await SeenAsync("stalled");
        Assert.Equal((sent / line.Length) + 1, seen.Received);
    }

    private async Task Everyone_else_is_still_served()
    {
        var client = new ChatHttpClient(_http);
        await using var import = await client.ImportAsync(new ImportPayload { Room = "others", Token = "t" });
        await import.SendAsync(Message("still here"));
        Assert.Equal(1, (await import.CloseAndRecvAsync()).Accepted);
        Assert.Equal("HELLO!", await client.ShoutAsync("hello"));
    }

    private async Task<ChatImportSeen> SeenAsync(string room)
    {
        ChatImportSeen? seen = null;
        await WaitUntilAsync(() => (seen = _service.Imports.FirstOrDefault(s => s.Room == room)) is not null, TimeSpan.FromSeconds(10));
        return seen ?? throw new TimeoutException($"the handler of room {room} did not end");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition() && stopwatch.Elapsed < timeout)
        {
            await Task.Delay(20);
        }
    }

    private static async Task<bool> CompletesWithinAsync(Task task, TimeSpan timeout) =>
        await Task.WhenAny(task, Task.Delay(timeout)) == task;

    /// <summary>Sends <paramref name="chunk"/> again and again until the server has answered (or closed); returns how many were sent.</summary>
    private static async Task<int> SendUntilAnsweredAsync(ChunkedUpload upload, string chunk)
    {
        var sent = 0;
        var stopwatch = Stopwatch.StartNew();
        while (!upload.Response.IsCompleted && stopwatch.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                await upload.SendAsync(chunk);
            }
            catch (IOException)
            {
                break;
            }

            sent++;
            await Task.Delay(2);
        }

        return sent;
    }

    /// <summary>
    /// What curl sends for <c>-T -</c> with an NDJSON content type: the lines of <paramref name="lines"/> as a chunked
    /// body, each flushed as its own chunk, then its end.
    /// </summary>
    private async Task<HttpResponseMessage> PostLinesAsync(string path, HttpMethod method, IEnumerable<string> lines, string? authorization)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new LinesContent([.. lines]) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await _http.SendAsync(request);
    }

    private static async Task<string?> ErrorNameAsync(HttpResponseMessage response)
    {
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(response.Headers.GetValues("goa-error").Single(), error.RootElement.GetProperty("name").GetString());
        return error.RootElement.GetProperty("name").GetString();
    }

    private static Message Message(string text) => new() { Text = text, Author = Ada };

    private static string Json(Message message) => JsonSerializer.Serialize(message, ChatJsonContext.Default.Message);

    /// <summary>A chunked JSON Lines body written by hand: each line flushed as its own chunk (its length unknown, so chunked).</summary>
    private sealed class LinesContent : HttpContent
    {
        private readonly string[] _lines;

        public LinesContent(string[] lines)
        {
            _lines = lines;
            Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            foreach (var line in _lines)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
