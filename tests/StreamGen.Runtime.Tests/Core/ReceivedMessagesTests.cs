using System.Threading.Channels;

namespace StreamGen.Runtime.Tests.Core;

/// <summary>
/// RecvAsync and ReadAllAsync as the stream interfaces give them to every receiving stream: null at the end (also for a
/// value type), completed in place when the message was already there, and the receive's error passed on.
/// </summary>
public sealed class ReceivedMessagesTests
{
    [Fact]
    public async Task Recv_gives_each_message_then_null_and_completes_in_place_when_buffered()
    {
        IStreamReceiver<string> receiver = new Strings("one", "two");

        var first = receiver.RecvAsync();
        var second = await receiver.RecvAsync();
        var end = await receiver.RecvAsync();

        Assert.True(first.IsCompletedSuccessfully);
        Assert.Equal(("one", "two", (string?)null), (await first, second, end));
    }

    [Fact]
    public async Task A_value_type_stream_ends_with_null_not_zero()
    {
        IValueStreamReceiver<long> receiver = new Longs(0, 7);

        Assert.Equal([0L, 7L], await receiver.ReadAllAsync().ToListAsync());
        Assert.Null(await receiver.RecvAsync());
    }

    [Fact]
    public async Task A_message_that_arrives_later_completes_the_pending_recv()
    {
        var receiver = new Strings();
        var pending = ((IStreamReceiver<string>)receiver).RecvAsync();

        Assert.False(pending.IsCompleted);
        receiver.Add("late");

        Assert.Equal("late", await pending);
    }

    [Fact]
    public async Task ReadAll_ends_with_the_receive_error()
    {
        var receiver = new Strings();
        receiver.Add("one");
        receiver.Fail(new StreamClosedException(null, "connection_lost", "gone"));
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<StreamClosedException>(async () =>
        {
            await foreach (var message in ((IStreamReceiver<string>)receiver).ReadAllAsync())
            {
                received.Add(message);
            }
        });

        Assert.Equal(["one"], received);
        Assert.Equal("connection_lost", error.Name);
    }

    /// <summary>A stream's receive over a channel: buffered messages complete in place, the end is the channel's completion.</summary>
    private class Receiver<T> : IMessageReceiver<T>
    {
        private readonly Channel<T> _messages = Channel.CreateUnbounded<T>();

        public Receiver(T[] messages)
        {
            foreach (var message in messages)
            {
                _messages.Writer.TryWrite(message);
            }

            if (messages.Length > 0)
            {
                _messages.Writer.TryComplete();
            }
        }

        public void Add(T message) => _messages.Writer.TryWrite(message);

        public void Fail(Exception error) => _messages.Writer.TryComplete(error);

        public async ValueTask<Received<T>> ReceiveAsync(CancellationToken cancellationToken = default)
        {
            if (_messages.Reader.TryRead(out var buffered))
            {
                return new(true, buffered);
            }

            try
            {
                return await _messages.Reader.WaitToReadAsync(cancellationToken) && _messages.Reader.TryRead(out var message) ? new(true, message) : default;
            }
            catch (ChannelClosedException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }

    private sealed class Strings(params string[] messages) : Receiver<string>(messages), IStreamReceiver<string>;

    private sealed class Longs(params long[] messages) : Receiver<long>(messages), IValueStreamReceiver<long>;
}
