using System.Threading.Channels;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>
/// A connection that records every write call separately and can hold writes until the test releases them, to observe
/// how a writer queues, coalesces and waits. Reads come from <see cref="Incoming"/> (nothing by default).
/// </summary>
internal sealed class RecordingStream : Stream
{
    private readonly Channel<byte[]> _started = Channel.CreateUnbounded<byte[]>();
    private readonly List<byte[]> _writes = [];
    private TaskCompletionSource _gate = Completed();

    /// <summary>What reads return; ends the read side when empty.</summary>
    public MemoryStream Incoming { get; } = new();

    /// <summary>The bytes of each completed or started write call, in order.</summary>
    public IReadOnlyList<byte[]> Writes
    {
        get
        {
            lock (_writes)
            {
                return [.. _writes];
            }
        }
    }

    public byte[] AllBytes => [.. Writes.SelectMany(w => w)];

    /// <summary>Set: the next write throws this.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>Holds every write from now on until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    /// <summary>Waits until a write call has started (it may be held) and returns its bytes.</summary>
    public async Task<byte[]> NextWriteAsync() => await _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (FailWith is { } failure)
        {
            throw failure;
        }

        var copy = buffer.ToArray();
        lock (_writes)
        {
            _writes.Add(copy);
        }

        _started.Writer.TryWrite(copy);
        await _gate.Task.WaitAsync(cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, default).GetAwaiter().GetResult();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Incoming.ReadAsync(buffer, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => Incoming.Read(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
