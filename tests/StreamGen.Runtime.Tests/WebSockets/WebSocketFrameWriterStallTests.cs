using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.WebSockets;

/// <summary>
/// The frame writer's limits for a peer that stops reading: the message-count limit makes senders wait like the byte
/// limit, and a write that takes longer than the stall timeout cuts the peer off (senders get StreamStalledException,
/// pending frames are dropped, the owner is told once) while control frames still follow the write in flight.
/// </summary>
public sealed class WebSocketFrameWriterStallTests
{
    [Fact]
    public async Task Senders_wait_once_the_pending_message_count_reaches_its_limit()
    {
        var connection = new RecordingStream();
        var writer = new WebSocketFrameWriter(connection, highWaterMark: 1024 * 1024, maxPendingMessages: 2, stallTimeout: TimeSpan.Zero);
        connection.Hold();
        await writer.WriteTextAsync(new Message("in flight"), TestJson.Default.Message, default);
        await connection.NextWriteAsync();

        await writer.WriteTextAsync(new Message("1"), TestJson.Default.Message, default);
        await writer.WriteTextAsync(new Message("2"), TestJson.Default.Message, default);
        var third = writer.WriteTextAsync(new Message("3"), TestJson.Default.Message, default).AsTask();
        await Task.Delay(100);

        Assert.False(third.IsCompleted);
        connection.Release();
        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_write_longer_than_the_stall_timeout_cuts_the_peer_off_once_and_control_frames_still_follow()
    {
        var connection = new RecordingStream();
        var writer = new WebSocketFrameWriter(connection, highWaterMark: 64, maxPendingMessages: 1000, stallTimeout: TimeSpan.FromMilliseconds(200));
        var stalls = 0;
        writer.Stalled = _ => Interlocked.Increment(ref stalls);
        connection.Hold();
        await writer.WriteTextAsync(new Message("in flight"), TestJson.Default.Message, default);
        await connection.NextWriteAsync();
        await writer.WriteTextAsync(new Message(new string('p', 100)), TestJson.Default.Message, default);

        var waiting = writer.WriteTextAsync(new Message("waits"), TestJson.Default.Message, default).AsTask();
        var error = await Assert.ThrowsAsync<StreamStalledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<StreamStalledException>(async () => await writer.WriteTextAsync(new Message("after"), TestJson.Default.Message, default));
        var close = writer.ControlStream.WriteAsync(new byte[] { 0x88, 0x00 }).AsTask();
        connection.Release();
        await close.WaitAsync(TimeSpan.FromSeconds(10));
        await writer.FlushAsync(default).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("stalled", error.Name);
        Assert.Equal(1, stalls);
        Assert.Equal(new byte[] { 0x88, 0x00 }, connection.Writes[^1]);
        Assert.DoesNotContain(connection.Writes, w => System.Text.Encoding.UTF8.GetString(w).Contains("ppp", StringComparison.Ordinal));
    }
}
