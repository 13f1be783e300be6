using StreamGen.E2E.Tests.Support;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Acme.Logger;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.E2E.Tests.Logger;

/// <summary>
/// The WebSocket wire of the format doc, checked with a plain <see cref="ClientWebSocket"/> (no generated code on the
/// client): the upgrade, Goa-View, the null end-of-stream message, and every close code with its "name: message" reason.
/// </summary>
public sealed class WebSocketWireTests(LoggerServerFixture fixture) : IClassFixture<LoggerServerFixture>
{
    [Fact]
    public async Task The_upgrade_response_carries_the_view_in_Goa_View()
    {
        using var socket = new ClientWebSocket { Options = { CollectHttpResponseDetails = true } };

        await socket.ConnectAsync(Ws("/logs/watch?view=tiny"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        Assert.Equal(["tiny"], socket.HttpResponseHeaders!["Goa-View"]);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
    }

    [Fact]
    public async Task Null_ends_the_client_stream_and_the_server_ends_with_1000()
    {
        using var socket = await ConnectAsync("/logs/publish");

        await SendAsync(socket, """{"topic":"wire","message":"one"}""");
        await SendAsync(socket, """{"topic":"wire","message":"two","level":"warn"}""");
        await SendAsync(socket, "null");
        var result = await ReceiveTextAsync(socket);
        var close = await ReceiveCloseAsync(socket);

        Assert.Equal(2, JsonDocument.Parse(result).RootElement.GetProperty("count").GetInt64());
        Assert.Equal((WebSocketCloseStatus.NormalClosure, ""), close);
    }

    [Fact]
    public async Task A_message_that_fails_validation_closes_with_1007_and_its_error()
    {
        using var socket = await ConnectAsync("/logs/publish");

        await SendAsync(socket, """{"topic":"wire"}""");

        Assert.Equal((WebSocketCloseStatus.InvalidPayloadData, "missing_field: \"message\" is missing"), await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task A_message_that_is_not_json_closes_with_1007()
    {
        using var socket = await ConnectAsync("/logs/publish");

        await SendAsync(socket, "{not json");

        var (status, reason) = await ReceiveCloseAsync(socket);
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, status);
        Assert.StartsWith("decode_payload: ", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_on_a_stream_that_takes_none_is_a_policy_violation_1008()
    {
        using var socket = await ConnectAsync("/logs/wire-policy/stream");

        await SendAsync(socket, """{"hello":"server"}""");

        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "unexpected_message: this stream accepts no messages"), await ReceiveCloseAsync(socket));
        await fixture.Observations.WaitForAsync("subscribe:canceled:wire-policy");
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009()
    {
        using var socket = await ConnectAsync("/logs/publish");

        await SendAsync(socket, $$"""{"topic":"wire","message":"{{new string('x', 70_000)}}"}""");

        Assert.Equal((WebSocketCloseStatus.MessageTooBig, "message_too_big: a message exceeds 65536 bytes"), await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task A_handler_error_closes_with_1011_and_the_error_name()
    {
        using var socket = await ConnectAsync($"/logs/{ObservingLoggerService.FailAfterOpen}/stream");

        Assert.Contains("\"one\"", await ReceiveTextAsync(socket), StringComparison.Ordinal);
        Assert.Equal((WebSocketCloseStatus.InternalServerError, "not_found: the topic went away"), await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task A_long_close_reason_is_cut_to_123_bytes_on_a_character_boundary()
    {
        using var socket = await ConnectAsync("/logs/publish");

        await SendAsync(socket, $$"""{"topic":"wire","message":"m","level":"{{new string('é', 100)}}"}""");

        var (status, reason) = await ReceiveCloseAsync(socket);
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, status);
        Assert.StartsWith("invalid_enum_value: \"level\" must be one of \"debug\", \"info\", \"warn\", \"error\", but is \"éé", reason, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(reason!), 122, 123);
    }

    [Fact]
    public async Task A_payload_that_fails_validation_gets_an_http_error_and_no_upgrade()
    {
        using var socket = new ClientWebSocket { Options = { CollectHttpResponseDetails = true } };

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(Ws($"/logs/{new string('t', 300)}/stream"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
        Assert.Equal(["invalid_length"], socket.HttpResponseHeaders!["goa-error"]);
    }

    [Fact]
    public async Task The_http_error_body_is_goa_error_result_json()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };

        using var response = await http.GetAsync("/logs/topic?limit=5000");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["name", "id", "message", "temporary", "timeout", "fault"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("invalid_range", body.GetProperty("name").GetString());
        Assert.Equal("\"limit\" must be lesser or equal than 1000, but is 5000", body.GetProperty("message").GetString());
        Assert.False(body.GetProperty("fault").GetBoolean());
    }

    [Fact]
    public async Task A_parameter_that_does_not_parse_is_reported_like_goa()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };

        using var response = await http.GetAsync("/logs/topic?limit=lots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["invalid_field_type"], response.Headers.GetValues("goa-error"));
    }

    [Fact]
    public async Task A_plain_get_on_a_stream_route_is_told_to_upgrade()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };

        using var response = await http.GetAsync("/logs/plain/stream");

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal(["websocket"], response.Headers.Upgrade.Select(u => u.Name));
    }

    [Fact]
    public async Task The_server_shutting_down_closes_open_streams_with_1001()
    {
        var observations = new Observations();
        await using var server = await TestServer.StartAsync(
            builder => builder.AddLoggerServer(),
            app => app.MapLoggerServer(),
            services =>
            {
                services.AddMemoryLogBus().AddSingleton<LoggerService>().AddSingleton(observations);
                services.AddSingleton<ILoggerService, ObservingLoggerService>();
                services.AddSingleton<ILoggerServerInterceptors, LoggerServerInterceptors>();
                services.AddSingleton<LoggerApiKeys>();
            },
            [$"--Logger:ApiKeys:0={LoggerServerFixture.ApiKey}"]);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{server.HttpPort}/logs/shutdown/stream"), CancellationToken.None);
        var close = ReceiveCloseAsync(socket);

        await server.StopAsync();

        Assert.Equal((WebSocketCloseStatus.EndpointUnavailable, "going_away: the server is shutting down"), await close);
        await observations.WaitForAsync("subscribe:canceled:shutdown");
    }

    private Uri Ws(string path) => new($"ws://127.0.0.1:{fixture.Server.HttpPort}{path}");

    private async Task<ClientWebSocket> ConnectAsync(string path)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-API-Key", LoggerServerFixture.ApiKey);
        await socket.ConnectAsync(Ws(path), CancellationToken.None);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket)
    {
        var buffer = new byte[1 << 20];
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), timeout.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static async Task<(WebSocketCloseStatus? Status, string? Reason)> ReceiveCloseAsync(ClientWebSocket socket)
    {
        var buffer = new byte[1 << 16];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (result.CloseStatus, result.CloseStatusDescription);
            }
        }
    }
}
