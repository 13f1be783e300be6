using System.Threading.Channels;
using Grpc.Core;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>A request or response stream fed by the test: messages, then the end, or an RpcException.</summary>
internal sealed class FakeStreamReader<T> : IAsyncStreamReader<T>
{
    private readonly Channel<T> _messages = Channel.CreateUnbounded<T>();

    public T Current { get; private set; } = default!;

    public void Add(T message) => _messages.Writer.TryWrite(message);

    public void End(Exception? error = null) => _messages.Writer.TryComplete(error);

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        try
        {
            if (!await _messages.Reader.WaitToReadAsync(cancellationToken))
            {
                return false;
            }
        }
        catch (ChannelClosedException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        Current = await _messages.Reader.ReadAsync(cancellationToken);
        return true;
    }
}
