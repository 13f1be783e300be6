using System.Threading.Channels;
using Grpc.Core;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>grpc-dotnet's response stream as a test sees it: every write with the options it was made with; writes can be held or fail.</summary>
internal sealed class FakeServerStreamWriter<T> : IServerStreamWriter<T>
{
    private readonly List<(T Message, WriteFlags Flags)> _written = [];
    private readonly Channel<T> _started = Channel.CreateUnbounded<T>();
    private TaskCompletionSource _gate = new();

    public FakeServerStreamWriter() => _gate.SetResult();

    public WriteOptions? WriteOptions { get; set; }

    public Exception? FailWith { get; set; }

    public IReadOnlyList<(T Message, WriteFlags Flags)> Written
    {
        get
        {
            lock (_written)
            {
                return [.. _written];
            }
        }
    }

    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async Task<T> NextWriteAsync() => await _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public async Task WriteAsync(T message)
    {
        if (FailWith is { } failure)
        {
            throw failure;
        }

        lock (_written)
        {
            _written.Add((message, WriteOptions?.Flags ?? default));
        }

        _started.Writer.TryWrite(message);
        await _gate.Task;
    }
}
