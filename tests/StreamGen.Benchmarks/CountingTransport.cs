using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace StreamGen.Benchmarks;

/// <summary>
/// Counts what a server's HTTP layer hands to Kestrel's socket transport: flushes and bytes. Flushes per item is the
/// figure that shows whether a server coalesces items into few writes or pays one write path per item.
/// </summary>
internal sealed class TransportCounters
{
    private long _flushes;
    private long _bytes;

    public long Flushes => Interlocked.Read(ref _flushes);

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Wrap(ConnectionContext connection) => connection.Transport = new CountingPipe(connection.Transport, this);

    private sealed class CountingPipe(IDuplexPipe inner, TransportCounters counters) : IDuplexPipe
    {
        public PipeReader Input => inner.Input;

        public PipeWriter Output { get; } = new CountingWriter(inner.Output, counters);
    }

    private sealed class CountingWriter(PipeWriter inner, TransportCounters counters) : PipeWriter
    {
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Advance(int bytes)
        {
            Interlocked.Add(ref counters._bytes, bytes);
            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref counters._flushes);
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }
}
