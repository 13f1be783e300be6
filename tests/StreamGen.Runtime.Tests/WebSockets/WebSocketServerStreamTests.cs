using System.Text.Json;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.WebSockets;

/// <summary>
/// How a server stream ends, for each way it can: the close status and reason the client gets (1000, 1001, 1007, 1008,
/// 1009, 1011), what the handler sees, and the plain HTTP error when the stream fails before it was upgraded.
/// </summary>
public sealed class WebSocketServerStreamTests
{
    private static readonly Func<string, int> ErrorStatus = name => name == "not_found" ? 404 : 0;

    [Fact]
    public async Task Messages_flow_both_ways_and_a_handler_that_returns_closes_with_1000()
    {
        await using var exchange = new WebSocketExchange();

        await exchange.Stream.SendAsync("hello");
        var sent = await exchange.ClientReceivesAsync();
        await exchange.ClientSendsAsync("{\"text\":\"one\"}");
        await exchange.ClientSendsAsync("{\"text\":\"two\"}");
        await exchange.ClientSendsAsync(" null\n");
        var received = new List<string>();
        await foreach (var message in exchange.Stream.ReadAllAsync())
        {
            received.Add(message.Text);
        }

        var completing = exchange.Stream.CompleteAsync(null, ErrorStatus);
        var close = await exchange.ClientReceivesAsync();
        await completing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("{\"text\":\"hello\"}", sent.Text);
        Assert.Equal(["one", "two"], received);
        Assert.Equal((1000, ""), (close.CloseStatus, close.CloseReason));
        Assert.False(exchange.Stream.Aborted.IsCancellationRequested);
    }

    public static TheoryData<string, Exception, int, string> HandlerFailures => new()
    {
        { "validation", new ValidationException([new ValidationError("missing_field", "topic", "is missing")]), 1007, "missing_field: \"topic\" is missing" },
        { "design error", new ServiceError("not_found", "no such topic"), 1011, "not_found: no such topic" },
        { "design error with a long message", new ServiceError("not_found", new string('é', 100)), 1011, "not_found: " + new string('é', 56) },
    };

    [Theory]
    [MemberData(nameof(HandlerFailures))]
    public async Task A_handler_error_after_the_upgrade_is_the_close_status_and_a_name_message_reason_of_at_most_123_bytes(string kind, Exception failure, int status, string reason)
    {
        await using var exchange = new WebSocketExchange();
        await exchange.Stream.OpenAsync();

        var completing = exchange.Stream.CompleteAsync(failure, ErrorStatus);
        var close = await exchange.ClientReceivesAsync();
        await completing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True((status, reason) == (close.CloseStatus, close.CloseReason), $"{kind}: {close.CloseStatus} {close.CloseReason}");
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(close.CloseReason!) <= 123);
    }

    [Fact]
    public async Task An_unexpected_exception_closes_with_1011_and_a_fault_id_but_no_internals()
    {
        await using var exchange = new WebSocketExchange();
        await exchange.Stream.OpenAsync();

        var completing = exchange.Stream.CompleteAsync(new InvalidOperationException("connection string secret"), ErrorStatus);
        var close = await exchange.ClientReceivesAsync();
        await completing;

        Assert.Equal(1011, close.CloseStatus);
        Assert.Matches(@"^fault: internal error \(id [A-Za-z0-9_-]{8}\)$", close.CloseReason);
    }

    [Fact]
    public async Task A_server_shutting_down_closes_with_1001_and_cancels_the_handler()
    {
        // This stream receives: its handler keeps its token for the shutdown grace period (in-flight messages finish),
        // then it is canceled and the stream closes with 1001.
        await using var exchange = new WebSocketExchange(options => options.ShutdownGracePeriod = TimeSpan.FromMilliseconds(50));
        await exchange.Stream.OpenAsync();

        exchange.StopServer();
        Assert.False(exchange.Stream.Aborted.IsCancellationRequested);
        await Task.Delay(Timeout.Infinite, exchange.Stream.Aborted).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10));
        var completing = exchange.Stream.CompleteAsync(new OperationCanceledException(exchange.Stream.Aborted), ErrorStatus);
        var close = await exchange.ClientReceivesAsync();
        await completing;

        Assert.True(exchange.Stream.Aborted.IsCancellationRequested);
        Assert.Equal((1001, "going_away: the server is shutting down"), (close.CloseStatus, close.CloseReason));
    }

    public static TheoryData<string, string, int, string, Type> BadMessages => new()
    {
        { "not JSON", "{not json", 1007, "decode_payload: ", typeof(ValidationException) },
        { "an empty text frame", "", 1007, "decode_payload: ", typeof(ValidationException) },
        { "breaks a design rule", "{}", 1007, "missing_field: \"text\" is missing", typeof(ValidationException) },
        { "over the size limit", "{\"text\":\"" + new string('x', 100) + "\"}", 1009, "message_too_big: a message exceeds 64 bytes", typeof(ServiceError) },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public async Task A_bad_message_closes_the_stream_with_its_status_and_the_handler_gets_the_error(string kind, string message, int status, string reason, Type error)
    {
        await using var exchange = new WebSocketExchange(options => options.MaxMessageSize = 64);
        await exchange.Stream.OpenAsync();

        await exchange.ClientSendsAsync(message);
        var close = await exchange.ClientReceivesAsync();
        var thrown = await Record.ExceptionAsync(async () => await exchange.Stream.RecvAsync());

        Assert.True(close.CloseStatus == status && close.CloseReason!.StartsWith(reason, StringComparison.Ordinal), $"{kind}: {close.CloseStatus} {close.CloseReason}");
        Assert.IsType(error, thrown);
        Assert.True(exchange.Stream.Aborted.IsCancellationRequested);
    }

    [Fact]
    public async Task Messages_larger_than_the_first_receive_buffer_arrive_whole_between_small_ones()
    {
        // The receive buffer is rented per message (4 KiB first, doubled up to MaxMessageSize) and given back while the
        // stream waits: sizes on both sides of each doubling, in any order, must arrive intact.
        await using var exchange = new WebSocketExchange(options => options.MaxMessageSize = 64 * 1024);
        await exchange.Stream.OpenAsync();
        string[] texts = [new('a', 10_000), "b", new('f', 4_085), new('c', 4_086), new('d', 60_000), "", new('e', 4_087)];

        foreach (var text in texts)
        {
            await exchange.ClientSendsAsync(JsonSerializer.Serialize(new { text }));
        }

        await exchange.ClientSendsAsync("null");
        var received = new List<string>();
        await foreach (var message in exchange.Stream.ReadAllAsync())
        {
            received.Add(message.Text);
        }

        Assert.Equal(texts, received);
        Assert.False(exchange.Stream.Aborted.IsCancellationRequested);
    }

    [Fact]
    public async Task A_message_after_the_end_of_the_client_stream_is_a_policy_violation()
    {
        await using var exchange = new WebSocketExchange();
        await exchange.Stream.OpenAsync();

        await exchange.ClientSendsAsync("null");
        await exchange.ClientSendsAsync("{\"text\":\"late\"}");
        var close = await exchange.ClientReceivesAsync();

        Assert.Equal((1008, "unexpected_message: a message followed the end of the stream"), (close.CloseStatus, close.CloseReason));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await exchange.Stream.RecvAsync());
    }

    [Fact]
    public async Task An_origin_not_allowed_is_closed_with_1008()
    {
        await using var exchange = new WebSocketExchange(options => options.AllowedOrigins.Add("https://good.example"), origin: "https://evil.example");

        await exchange.Stream.OpenAsync();
        var close = await exchange.ClientReceivesAsync();

        Assert.Equal((1008, "forbidden: origin not allowed"), (close.CloseStatus, close.CloseReason));
        Assert.True(exchange.Stream.Aborted.IsCancellationRequested);
    }

    [Fact]
    public async Task A_client_that_leaves_without_ending_its_stream_cancels_the_handler_and_gets_1000()
    {
        await using var exchange = new WebSocketExchange();
        await exchange.Stream.OpenAsync();

        await exchange.Client.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "", WebSocketExchange.Timeout());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await exchange.Stream.RecvAsync());
        var completing = exchange.Stream.CompleteAsync(new OperationCanceledException(exchange.Stream.Aborted), ErrorStatus);
        var close = await exchange.Client.ReceiveAsync(WebSocketExchange.Timeout());
        await completing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(exchange.Stream.Aborted.IsCancellationRequested);
        Assert.Equal((System.Net.WebSockets.WebSocketCloseStatus?)System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, close.CloseStatus);
    }

    public static TheoryData<Exception, int, string> ErrorsBeforeTheUpgrade => new()
    {
        { new ServiceError("not_found", "no such topic"), 404, "not_found" },
        { new ValidationException([new ValidationError("invalid_range", "limit", "must be at most 100")]), 400, "invalid_range" },
        { new ServiceError("unmapped", "a design error without a status"), 500, "unmapped" },
        { new InvalidOperationException("secret"), 500, "fault" },
    };

    [Theory]
    [MemberData(nameof(ErrorsBeforeTheUpgrade))]
    public async Task An_error_before_the_first_stream_operation_is_a_plain_HTTP_error_with_Goas_body(Exception failure, int status, string name)
    {
        await using var exchange = new WebSocketExchange();

        await exchange.Stream.CompleteAsync(failure, ErrorStatus);

        Assert.False(exchange.Upgrade.Upgraded);
        Assert.Equal(status, exchange.Context.Response.StatusCode);
        Assert.Equal(name, exchange.Context.Response.Headers["goa-error"].ToString());
        Assert.Equal("application/json", exchange.Context.Response.ContentType);
        using var body = JsonDocument.Parse(exchange.ResponseBody);
        Assert.Equal(name, body.RootElement.GetProperty("name").GetString());
        Assert.DoesNotContain("secret", exchange.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(name == "fault", body.RootElement.GetProperty("fault").GetBoolean());
    }

    [Fact]
    public async Task The_view_travels_in_the_upgrade_response_and_cannot_change_after_it()
    {
        await using var exchange = new WebSocketExchange();

        exchange.Stream.SetView("tiny");
        await exchange.Stream.OpenAsync();

        Assert.True(exchange.Upgrade.Upgraded);
        Assert.True(exchange.Stream.IsUpgraded);
        Assert.Equal("tiny", exchange.Context.Response.Headers["Goa-View"].ToString());
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", exchange.Context.Response.Headers.SecWebSocketAccept.ToString());
        Assert.Throws<InvalidOperationException>(() => exchange.Stream.SetView("default"));
    }
}
