using System.Net.WebSockets;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.WebSockets;

/// <summary>
/// The server's single frame writer: RFC 6455 framing (unmasked text frames, 2/4/10-byte headers), coalescing of what is
/// queued during a write into one write, the high-water mark that makes senders wait, and what a failed connection does.
/// </summary>
public sealed class WebSocketFrameWriterTests
{
    [Theory]
    [InlineData(2, 2)]
    [InlineData(125, 2)]
    [InlineData(126, 4)]
    [InlineData(65535, 4)]
    [InlineData(65536, 10)]
    [InlineData(70000, 10)]
    public async Task A_message_is_one_unmasked_final_text_frame_with_the_shortest_length_encoding(int payloadLength, int headerLength)
    {
        var connection = new RecordingStream();
        var writer = new WebSocketFrameWriter(connection, 16 * 1024 * 1024);
        // A JSON string of n - 2 letters is n bytes with its quotes.
        var text = new string('a', payloadLength - 2);

        await writer.WriteTextAsync(text, TestJson.Default.String, default);
        await writer.FlushAsync(default);

        var bytes = connection.AllBytes;
        Assert.Equal(headerLength + payloadLength, bytes.Length);
        Assert.Equal(0x81, bytes[0]);
        var expectedHeader = headerLength switch
        {
            2 => new[] { (byte)payloadLength },
            4 => [126, (byte)(payloadLength >> 8), (byte)payloadLength],
            _ => [127, 0, 0, 0, 0, 0, (byte)(payloadLength >> 16), (byte)(payloadLength >> 8), (byte)payloadLength],
        };
        Assert.Equal(expectedHeader, bytes[1..headerLength]);
        Assert.Equal('"' + text + '"', System.Text.Encoding.UTF8.GetString(bytes, headerLength, payloadLength));
    }

    [Fact]
    public async Task Messages_sent_while_a_write_is_in_flight_leave_together_in_the_next_write()
    {
        var connection = new RecordingStream();
        var writer = new WebSocketFrameWriter(connection, 1024 * 1024);
        connection.Hold();

        await writer.WriteTextAsync(new Message("first"), TestJson.Default.Message, default);
        var first = await connection.NextWriteAsync();
        for (var i = 0; i < 5; i++)
        {
            await writer.WriteTextAsync(new Message($"queued {i}"), TestJson.Default.Message, default);
        }

        Assert.Single(connection.Writes);
        connection.Release();
        var second = await connection.NextWriteAsync();
        await writer.FlushAsync(default);

        Assert.Equal(["{\"text\":\"first\"}"], Frames.Parse(first).Select(f => f.Text));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{{\"text\":\"queued {i}\"}}"), Frames.Parse(second).Select(f => f.Text));
        Assert.Equal(2, connection.Writes.Count);
        Assert.All(Frames.Parse(connection.AllBytes), f => Assert.True(f.Fin && f.Opcode == 1 && !f.Masked));
    }

    [Fact]
    public async Task Senders_wait_once_the_pending_bytes_reach_the_high_water_mark_and_go_on_when_the_peer_catches_up()
    {
        var connection = new RecordingStream();
        var writer = new WebSocketFrameWriter(connection, highWaterMark: 100);
        connection.Hold();
        await writer.WriteTextAsync(new Message("in flight"), TestJson.Default.Message, default);
        await connection.NextWriteAsync();

        // Each frame is 2 + 29 bytes: a send is queued while fewer than 100 bytes wait (0, 31, 62, 93), so four go
        // through at once, the fourth past the mark, and the next two wait for the connection.
        var sends = new List<ValueTask>();
        for (var i = 0; i < 6; i++)
        {
            sends.Add(writer.WriteTextAsync(new Message($"message {i:D10}"), TestJson.Default.Message, default));
        }

        Assert.All(sends.Take(4), s => Assert.True(s.IsCompletedSuccessfully));
        Assert.All(sends.Skip(4), s => Assert.False(s.IsCompleted));
        Assert.Single(connection.Writes);

        connection.Release();
        foreach (var send in sends)
        {
            await send.AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }

        await writer.FlushAsync(default);
        var texts = Frames.Parse(connection.AllBytes).Select(f => f.Text).ToList();
        Assert.Equal(
            ["{\"text\":\"in flight\"}", .. Enumerable.Range(0, 4).Select(i => $"{{\"text\":\"message {i:D10}\"}}")],
            texts.Take(5));
        Assert.Equal(
            Enumerable.Range(4, 2).Select(i => $"{{\"text\":\"message {i:D10}\"}}"),
            texts.Skip(5).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_waiting_sender_can_give_up_with_its_token()
    {
        var connection = new RecordingStream();
        var writer = new WebSocketFrameWriter(connection, highWaterMark: 1);
        connection.Hold();
        await writer.WriteTextAsync(new Message("in flight"), TestJson.Default.Message, default);
        await connection.NextWriteAsync();
        await writer.WriteTextAsync(new Message("queued"), TestJson.Default.Message, default);
        using var cancel = new CancellationTokenSource();

        var waiting = writer.WriteTextAsync(new Message("waits"), TestJson.Default.Message, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        connection.Release();
        await writer.FlushAsync(default);
        Assert.Equal(["{\"text\":\"in flight\"}", "{\"text\":\"queued\"}"], Frames.Parse(connection.AllBytes).Select(f => f.Text));
    }

    [Fact]
    public async Task After_the_connection_fails_every_send_and_flush_reports_it()
    {
        var connection = new RecordingStream { FailWith = new IOException("reset") };
        var writer = new WebSocketFrameWriter(connection, 1024);

        await writer.WriteTextAsync(new Message("lost"), TestJson.Default.Message, default);
        var flush = await Assert.ThrowsAsync<IOException>(() => writer.FlushAsync(default));
        var send = await Assert.ThrowsAsync<WebSocketException>(async () => await writer.WriteTextAsync(new Message("next"), TestJson.Default.Message, default));

        Assert.Equal("reset", flush.Message);
        Assert.Equal(WebSocketError.ConnectionClosedPrematurely, send.WebSocketErrorCode);
        Assert.IsType<IOException>(send.InnerException);
    }

    [Fact]
    public async Task No_data_frame_follows_Complete()
    {
        var writer = new WebSocketFrameWriter(new RecordingStream(), 1024);

        writer.Complete();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await writer.WriteTextAsync(new Message("late"), TestJson.Default.Message, default));
    }

    [Fact]
    public async Task A_message_that_fails_to_serialize_leaves_nothing_half_written()
    {
        var connection = new RecordingStream();
        var writer = new WebSocketFrameWriter(connection, 1024);

        // The converter writes part of an object, then throws: the frame is half built when it fails.
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await writer.WriteTextAsync(new Exploding("boom"), TestJson.Default.Exploding, default));
        await writer.WriteTextAsync(new Message("after"), TestJson.Default.Message, default);
        await writer.FlushAsync(default);

        Assert.Equal(["{\"text\":\"after\"}"], Frames.Parse(connection.AllBytes).Select(f => f.Text));
    }

    [Fact]
    public async Task The_framework_WebSocket_on_the_control_stream_writes_its_close_frame_through_the_writer_after_queued_data()
    {
        var connection = new RecordingStream();
        var writer = new WebSocketFrameWriter(connection, 1024);
        using var socket = WebSocket.CreateFromStream(writer.ControlStream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });

        await writer.WriteTextAsync(new Message("last"), TestJson.Default.Message, default);
        await socket.CloseOutputAsync(WebSocketCloseStatus.InvalidPayloadData, StreamClosedException.Reason("missing_field", "\"text\" is missing"), default);

        var frames = Frames.Parse(connection.AllBytes);
        Assert.Equal([1, 8], frames.Select(f => f.Opcode));
        Assert.Equal(1007, frames[1].CloseStatus);
        Assert.Equal("missing_field: \"text\" is missing", frames[1].CloseReason);
        Assert.False(frames[1].Masked);
    }
}
