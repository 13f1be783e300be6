using System.Threading.Channels;

namespace StreamGen.E2E.Tests.Support;

/// <summary>
/// Reads a stream on a background task into a queue, so a test can wait for the next message with a timeout, or check
/// that nothing arrived, without canceling the stream's own receive (which would tear a WebSocket down).
/// </summary>
public sealed class Inbox<T> : IAsyncDisposable
{
    private readonly Channel<T> _messages = Channel.CreateUnbounded<T>();
    private readonly Task _pump;

    public Inbox(IAsyncEnumerable<T> stream)
    {
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in stream)
                {
                    await _messages.Writer.WriteAsync(message);
                }

                _messages.Writer.TryComplete();
            }
            catch (Exception e)
            {
                _messages.Writer.TryComplete(e);
            }
        });
    }

    /// <summary>The next message; fails the test if none comes within <paramref name="timeout"/>.</summary>
    public async Task<T> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _messages.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"No message within {timeout ?? TimeSpan.FromSeconds(10)}.");
        }
        catch (ChannelClosedException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>A message if one arrives within <paramref name="wait"/>; default otherwise.</summary>
    public async Task<(bool Received, T? Message)> TryNextAsync(TimeSpan wait)
    {
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            return (true, await _messages.Reader.ReadAsync(cancel.Token));
        }
        catch (OperationCanceledException)
        {
            return (false, default);
        }
    }

    /// <summary>Completes when the stream has ended; its error, if it ended with one, is thrown.</summary>
    public async Task EndAsync(TimeSpan? timeout = null)
    {
        await _pump.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        await _messages.Reader.Completion.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        Assert.False(_messages.Reader.TryRead(out var extra), $"Unexpected message: {extra}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The stream's owner disposes it; the pump then ends on its own.
        }
    }
}
