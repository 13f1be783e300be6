using System.Net.WebSockets;
using System.Text;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.WebSockets;

/// <summary>
/// The client's RFC 6455 parser and writer, fed server frames byte by byte: length encodings, fragmentation, control frames
/// between fragments, pings answered with pongs, limits and protocol errors, masked sends, and the close frame.
/// </summary>
public sealed class WebSocketClientConnectionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65535)]
    [InlineData(65536)]
    public async Task Each_length_encoding_is_read(int length)
    {
        var payload = Payload(length);
        await using var peer = new Peer(maxMessageSize: 1 << 20);
        await peer.ServerWritesAsync(Frames.Build(0x2, payload));

        var result = await peer.Client.ReceiveAsync(Timeout());

        Assert.Equal((WebSocketMessageType.Binary, length), (result.MessageType, result.Length));
        Assert.Equal(payload, peer.Client.Message(result.Length).ToArray());
    }

    [Theory]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65535)]
    [InlineData(65536)]
    public async Task A_sent_message_is_one_final_masked_text_frame_with_the_shortest_length_encoding(int length)
    {
        var payload = Payload(length);
        await using var peer = new Peer();

        await peer.Client.SendTextAsync(payload, Timeout());

        var bytes = await peer.ServerReadsAsync(length + 4 + (length <= 125 ? 2 : length <= 65535 ? 4 : 10));
        var frame = Assert.Single(Frames.Parse(bytes));
        Assert.Equal((true, 0x1, true), (frame.Fin, frame.Opcode, frame.Masked));
        Assert.Equal(length <= 125 ? 2 : length <= 65535 ? 4 : 10, frame.HeaderLength - 4);
        Assert.Equal(payload, frame.Payload);
        Assert.NotEqual(payload, bytes[frame.HeaderLength..]);
    }

    [Fact]
    public async Task Fragments_are_assembled_and_a_ping_between_them_is_answered_with_its_payload()
    {
        await using var peer = new Peer();
        await peer.ServerWritesAsync([
            .. Frames.Text("{\"text\":", fin: false),
            .. Frames.Build(0x9, "are you there"u8),
            .. Frames.Build(0x0, "\"hel"u8, fin: false),
            .. Frames.Build(0xA, []),
            .. Frames.Build(0x0, "lo\"}"u8),
        ]);

        var result = await peer.Client.ReceiveAsync(Timeout());

        Assert.Equal((WebSocketMessageType.Text, "{\"text\":\"hello\"}"), (result.MessageType, Encoding.UTF8.GetString(peer.Client.Message(result.Length))));
        var pong = Assert.Single(Frames.Parse(await peer.ServerReadsAsync(2 + 4 + 13)));
        Assert.Equal((0xA, true, "are you there"), (pong.Opcode, pong.Masked, pong.Text));
    }

    [Fact]
    public async Task Whole_frames_already_buffered_are_taken_without_a_read_and_a_fragment_is_not()
    {
        await using var peer = new Peer();
        await peer.ServerWritesAsync([.. Frames.Text("one"), .. Frames.Text("two"), .. Frames.Text("thr", fin: false), .. Frames.Build(0x0, "ee"u8)]);

        Assert.False(peer.Client.TryReceiveBuffered(out _));
        var first = await peer.Client.ReceiveAsync(Timeout());
        var second = peer.Client.TryReceiveBuffered(out var secondLength) ? Encoding.UTF8.GetString(peer.Client.Message(secondLength)) : null;
        var fragmented = peer.Client.TryReceiveBuffered(out _);
        var third = await peer.Client.ReceiveAsync(Timeout());

        Assert.Equal(3, first.Length);
        Assert.Equal("two", second);
        Assert.False(fragmented);
        Assert.Equal("three", Encoding.UTF8.GetString(peer.Client.Message(third.Length)));
    }

    [Fact]
    public async Task The_close_frame_gives_its_status_and_reason()
    {
        await using var peer = new Peer();
        await peer.ServerWritesAsync(Frames.Close(1011, "not_found: no such topic"));

        var result = await peer.Client.ReceiveAsync(Timeout());

        Assert.Equal((WebSocketMessageType.Close, (WebSocketCloseStatus?)WebSocketCloseStatus.InternalServerError, "not_found: no such topic"), (result.MessageType, result.CloseStatus, result.CloseReason));
    }

    [Fact]
    public async Task An_empty_close_frame_is_status_empty()
    {
        await using var peer = new Peer();
        await peer.ServerWritesAsync(Frames.Build(0x8, []));

        var result = await peer.Client.ReceiveAsync(Timeout());

        Assert.Equal((WebSocketMessageType.Close, (WebSocketCloseStatus?)WebSocketCloseStatus.Empty, ""), (result.MessageType, result.CloseStatus, result.CloseReason));
    }

    /// <summary>What is wrong, the bytes the server sends, and the status the client must close with (the limit is 100 bytes).</summary>
    public static TheoryData<string, byte[], WebSocketCloseStatus, string> ProtocolErrors => new()
    {
        { "reserved bit", Frames.Build(0x1, "x"u8, rsv: 4), WebSocketCloseStatus.ProtocolError, "protocol_error" },
        { "masked by the server", Frames.Build(0x1, "x"u8, mask: [1, 2, 3, 4]), WebSocketCloseStatus.ProtocolError, "protocol_error" },
        { "fragmented control frame", Frames.Build(0x9, "x"u8, fin: false), WebSocketCloseStatus.ProtocolError, "protocol_error" },
        { "continuation without a start", Frames.Build(0x0, "x"u8), WebSocketCloseStatus.ProtocolError, "protocol_error" },
        { "unknown opcode", Frames.Build(0x3, "x"u8), WebSocketCloseStatus.ProtocolError, "protocol_error" },
        { "new message inside a fragmented one", [.. Frames.Text("a", fin: false), .. Frames.Text("b")], WebSocketCloseStatus.ProtocolError, "protocol_error" },
        { "one frame over the limit", Frames.Text(new string('x', 101)), WebSocketCloseStatus.MessageTooBig, "message_too_big" },
        { "fragments over the limit", [.. Frames.Text(new string('x', 60), fin: false), .. Frames.Build(0x0, new byte[41])], WebSocketCloseStatus.MessageTooBig, "message_too_big" },
    };

    [Theory]
    [MemberData(nameof(ProtocolErrors))]
    public async Task A_broken_frame_is_a_protocol_exception_naming_the_close_status(string what, byte[] frames, WebSocketCloseStatus status, string name)
    {
        await using var peer = new Peer(maxMessageSize: 100);
        await peer.ServerWritesAsync(frames);

        var error = await Assert.ThrowsAsync<WebSocketProtocolException>(async () => await peer.Client.ReceiveAsync(Timeout()));

        Assert.True((status, name) == (error.CloseStatus, error.Name), $"{what}: {error.CloseStatus} {error.Name}");
    }

    [Fact]
    public async Task A_control_frame_over_125_bytes_is_a_protocol_error()
    {
        await using var peer = new Peer();
        await peer.ServerWritesAsync(Frames.Build(0x9, new byte[126]));

        var error = await Assert.ThrowsAsync<WebSocketProtocolException>(async () => await peer.Client.ReceiveAsync(Timeout()));

        Assert.Equal((WebSocketCloseStatus.ProtocolError, "protocol_error"), (error.CloseStatus, error.Name));
    }

    [Fact]
    public async Task A_connection_that_ends_without_a_close_frame_is_an_error()
    {
        await using var peer = new Peer();
        await peer.ServerWritesAsync(Frames.Text("half", fin: false));
        peer.Server.Dispose();

        var error = await Assert.ThrowsAsync<WebSocketException>(async () => await peer.Client.ReceiveAsync(Timeout()));

        Assert.Equal(WebSocketError.ConnectionClosedPrematurely, error.WebSocketErrorCode);
    }

    [Fact]
    public async Task The_close_frame_is_sent_once_masked_and_nothing_follows_it()
    {
        await using var peer = new Peer();

        await peer.Client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "canceled: the client left the stream", Timeout());
        await peer.Client.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, "again", Timeout());
        var send = await Assert.ThrowsAsync<WebSocketException>(async () => await peer.Client.SendTextAsync("late"u8.ToArray(), Timeout()));

        var close = Assert.Single(Frames.Parse(await peer.ServerReadsAsync(2 + 4 + 2 + 36)));
        Assert.Equal((0x8, true, 1000, "canceled: the client left the stream"), (close.Opcode, close.Masked, close.CloseStatus, close.CloseReason));
        Assert.True(peer.Client.CloseSent);
        Assert.Equal(WebSocketError.InvalidState, send.WebSocketErrorCode);
        Assert.Equal(0, await peer.ServerAvailableAsync());
    }

    private static byte[] Payload(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))];

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    /// <summary>A client connection and the raw server end of its in-memory connection.</summary>
    private sealed class Peer : IAsyncDisposable
    {
        public Peer(int maxMessageSize = 16 * 1024 * 1024)
        {
            (Server, var client) = DuplexPipe.Create();
            Client = new WebSocketClientConnection(client, maxMessageSize, TimeSpan.Zero);
        }

        public PipeStream Server { get; }

        public WebSocketClientConnection Client { get; }

        public async Task ServerWritesAsync(byte[] bytes) => await Server.WriteAsync(bytes);

        public async Task<byte[]> ServerReadsAsync(int count)
        {
            var buffer = new byte[count];
            await Server.ReadExactlyAsync(buffer, Timeout());
            return buffer;
        }

        /// <summary>Bytes the client wrote beyond those read so far, waiting briefly for stragglers.</summary>
        public async Task<int> ServerAvailableAsync()
        {
            using var brief = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            try
            {
                return await Server.ReadAsync(new byte[1], brief.Token);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
