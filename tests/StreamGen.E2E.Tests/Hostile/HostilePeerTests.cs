using StreamGen.E2E.Tests.Support;
using System.Net.WebSockets;
using System.Text;
using Acme.Logger;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.E2E.Tests.Hostile;

/// <summary>
/// Hostile peers against the running logger example (issue 10.4): each case asserts the close code the peer sees (the
/// wire protocol's), that the server released the peer's handler and subscription, and that another client is still
/// served. The 1,000-cycle churn runs by default (it takes a few seconds); STREAMGEN_SOAK=N runs N cycles instead.
/// </summary>
public sealed class HostilePeerTests(HostilePeerTests.Server fixture) : IClassFixture<HostilePeerTests.Server>
{
    private const int MaxMessageSize = 64 * 1024;

    [Fact]
    public async Task A_binary_frame_on_a_json_stream_closes_with_1003()
    {
        await using var peer = await RawWebSocket.ConnectAsync(fixture.Port, "/logs/publish");

        await peer.SendFrameAsync(0x2, Encoding.UTF8.GetBytes("""{"topic":"t","message":"m"}"""));

        Assert.Equal((WebSocketCloseStatus.InvalidMessageType, "unsupported_data: messages are JSON text frames, not binary"), Close(await peer.ReceiveCloseAsync()));
        await AssertOthersServedAsync();
    }

    [Fact]
    public async Task Invalid_utf8_in_a_text_frame_closes_with_1007()
    {
        await using var peer = await RawWebSocket.ConnectAsync(fixture.Port, "/logs/publish");

        await peer.SendFrameAsync(0x1, new byte[] { (byte)'"', 0xC3, 0x28, (byte)'"' });

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, (await peer.ReceiveCloseAsync()).Status);
        await AssertOthersServedAsync();
    }

    [Fact]
    public async Task Invalid_json_followed_at_once_by_valid_messages_closes_with_1007_and_its_reason()
    {
        await using var peer = await RawWebSocket.ConnectAsync(fixture.Port, "/logs/publish");

        await peer.SendFrameAsync(0x1, "{not json"u8.ToArray());
        for (var i = 0; i < 10; i++)
        {
            await peer.SendFrameAsync(0x1, Encoding.UTF8.GetBytes($$"""{"topic":"flood","message":"m{{i}}"}"""));
        }

        var (status, reason, _) = await peer.ReceiveCloseAsync();
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, status);
        Assert.StartsWith("decode_payload: ", reason, StringComparison.Ordinal);
        await AssertOthersServedAsync();
    }

    [Fact]
    public async Task A_message_that_fails_validation_followed_by_ten_valid_ones_closes_with_1007_and_its_reason()
    {
        await using var peer = await RawWebSocket.ConnectAsync(fixture.Port, "/logs/publish");

        await peer.SendFrameAsync(0x1, """{"topic":"t","message":""}"""u8.ToArray());
        for (var i = 0; i < 10; i++)
        {
            await peer.SendFrameAsync(0x1, Encoding.UTF8.GetBytes($$"""{"topic":"flood","message":"m{{i}}"}"""));
        }

        Assert.Equal((WebSocketCloseStatus.InvalidPayloadData, "invalid_length: \"message\" length must be at least 1, but is 0"), Close(await peer.ReceiveCloseAsync()));
        await AssertOthersServedAsync();
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009_even_while_the_client_keeps_sending()
    {
        await using var peer = await RawWebSocket.ConnectAsync(fixture.Port, "/logs/publish");

        await peer.SendFrameAsync(0x1, Encoding.UTF8.GetBytes($$"""{"topic":"t","message":"{{new string('x', MaxMessageSize + 10)}}"}"""));
        await peer.SendFrameAsync(0x1, """{"topic":"t","message":"after"}"""u8.ToArray());

        Assert.Equal((WebSocketCloseStatus.MessageTooBig, $"message_too_big: a message exceeds {MaxMessageSize} bytes"), Close(await peer.ReceiveCloseAsync()));
        await AssertOthersServedAsync();
    }

    [Fact]
    public async Task A_fragmented_message_over_the_limit_only_in_total_closes_with_1009()
    {
        await using var peer = await RawWebSocket.ConnectAsync(fixture.Port, "/logs/publish");
        var fragment = new byte[16 * 1024];
        Array.Fill(fragment, (byte)'x');

        // 8 MiB in 16 KiB fragments (the server's limit here is 64 KiB), sent while the server has already refused it.
        await peer.SendFrameAsync(0x1, """{"topic":"t","message":" """u8.ToArray(), fin: false);
        var sending = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; i < 512; i++)
                {
                    await peer.SendFrameAsync(0x0, fragment, fin: false);
                }

                await peer.SendFrameAsync(0x0, "\"}"u8.ToArray(), fin: true);
            }
            catch (IOException)
            {
                // The server may close once its close handshake times out.
            }
        });

        Assert.Equal((WebSocketCloseStatus.MessageTooBig, $"message_too_big: a message exceeds {MaxMessageSize} bytes"), Close(await peer.ReceiveCloseAsync()));
        await sending;
        await AssertOthersServedAsync();
    }

    [Fact]
    public async Task A_message_on_a_stream_that_takes_none_closes_with_1008()
    {
        await using var peer = await RawWebSocket.ConnectAsync(fixture.Port, "/logs/hostile-none/stream");

        await peer.SendFrameAsync(0x1, "{}"u8.ToArray());

        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "unexpected_message: this stream accepts no messages"), Close(await peer.ReceiveCloseAsync()));
        await fixture.WaitForSubscribersAsync(0);
        await AssertOthersServedAsync();
    }

    [Fact]
    public async Task A_flood_of_messages_is_read_no_faster_than_the_handler_takes_them_and_all_are_stored()
    {
        var topic = $"flood-{Guid.NewGuid():N}"[..20];
        await using var peer = await RawWebSocket.ConnectAsync(fixture.Port, "/logs/publish");
        var entry = Encoding.UTF8.GetBytes($$"""{"topic":"{{topic}}","message":"{{new string('f', 1000)}}"}""");

        for (var i = 0; i < 20_000; i++)
        {
            await peer.SendFrameAsync(0x1, entry);
        }

        await peer.SendFrameAsync(0x1, "null"u8.ToArray());
        var result = new byte[256];
        var received = await peer.Socket.ReceiveAsync(result, CancellationToken.None);

        Assert.Contains("\"count\":20000", Encoding.UTF8.GetString(result, 0, received.Count), StringComparison.Ordinal);
        Assert.Equal((WebSocketCloseStatus.NormalClosure, ""), Close(await peer.ReceiveCloseAsync()));
        await AssertOthersServedAsync();
    }

    [Fact]
    public async Task A_tcp_reset_mid_frame_releases_the_handler_and_its_subscription()
    {
        await using var subscriber = await RawWebSocket.ConnectAsync(fixture.Port, "/logs/hostile-reset/stream");
        await fixture.WaitForSubscribersAsync(1);
        await using var publisher = await RawWebSocket.ConnectAsync(fixture.Port, "/logs/publish");

        await subscriber.Stream.WriteAsync(new byte[] { 0x81, 0xFE, 0x10 });
        subscriber.Reset();
        await publisher.Stream.WriteAsync(new byte[] { 0x81, 0xFE, 0x10, 0x00, 1, 2, 3 });
        publisher.Reset();

        await fixture.WaitForSubscribersAsync(0);
        await AssertOthersServedAsync();
    }

    [Fact]
    public async Task Connect_and_abrupt_disconnect_cycles_leave_no_handler_or_subscription_behind()
    {
        var cycles = int.TryParse(Environment.GetEnvironmentVariable("STREAMGEN_SOAK"), out var soak) ? soak : 1000;
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < cycles; i++)
        {
            var peer = await RawWebSocket.ConnectAsync(fixture.Port, $"/logs/churn-{i % 10}/stream");
            if (i % 2 == 0)
            {
                peer.Reset();
            }

            await peer.DisposeAsync();
        }

        await fixture.WaitForSubscribersAsync(0);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(after - before < 32 * 1024 * 1024, $"managed heap grew by {(after - before) / 1024} KiB over {cycles} cycles");
        await AssertOthersServedAsync();
    }

    private static (WebSocketCloseStatus? Status, string? Reason) Close((WebSocketCloseStatus? Status, string? Reason, int Messages) close) => (close.Status, close.Reason);

    /// <summary>Someone else, meanwhile: a subscriber gets what a publisher sends.</summary>
    private async Task AssertOthersServedAsync()
    {
        var topic = $"others-{Guid.NewGuid():N}"[..20];
        await using var subscription = await fixture.Client.SubscribeAsync(new SubscribePayload { Topic = topic });
        await using var publisher = await fixture.Client.PublishAsync();
        await publisher.SendAsync(new LogEntry { Topic = topic, Message = "still served" });
        Assert.Equal(1, (await publisher.CloseAndRecvAsync()).Count);
        Assert.Equal("still served", (await subscription.RecvAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)))!.Message);
    }

    /// <summary>The logger example with a 64 KiB message limit and a short close timeout.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private TestServer _server = null!;
        private HttpClient _http = null!;

        public int Port => _server.HttpPort;

        public ILoggerClient Client { get; private set; } = null!;

        public LogBus Bus => _server.Services.GetRequiredService<LogBus>();

        public async Task InitializeAsync()
        {
            _server = await LoggerServers.StartAsync([$"--StreamGen:Http:MaxMessageSize={MaxMessageSize}", "--StreamGen:Http:CloseTimeout=00:00:03", "--StreamGen:Http:UpgradesPerSecond=0"]);
            _http = new HttpClient { BaseAddress = _server.HttpAddress };
            Client = new LoggerHttpClient(_http, new Acme.Logger.Runtime.StreamGenClientOptions { Credentials = LoggerServers.Credentials });
        }

        /// <summary>Waits for the bus's live subscriptions (hostile topics only: others' tests clean up their own) to reach <paramref name="count"/>.</summary>
        public async Task WaitForSubscribersAsync(int count)
        {
            for (var i = 0; i < 300 && Bus.SubscriberCount != count; i++)
            {
                await Task.Delay(50);
            }

            Assert.Equal(count, Bus.SubscriberCount);
        }

        public async Task DisposeAsync()
        {
            _http.Dispose();
            await _server.DisposeAsync();
        }
    }
}
