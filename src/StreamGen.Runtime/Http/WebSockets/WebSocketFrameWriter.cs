namespace StreamGen.Runtime;

using global::System;
using global::System.Buffers;
using global::System.Buffers.Binary;
using global::System.IO;
using global::System.Net.WebSockets;
using global::System.Runtime.CompilerServices;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The single writer of a server WebSocket. Senders serialize straight into a pending buffer, framed (RFC 6455, unmasked),
/// under a short lock; one writer task swaps that buffer out and writes it in one call. Messages queued while a write is
/// in flight therefore leave in one write and one flush instead of one each, which is what lets a generated stream
/// outrun a loop that sends one frame per call. Concurrent senders are safe; a slow peer makes senders wait once the
/// pending bytes pass the high-water mark (or the pending messages their limit), so memory stays bounded. A peer that
/// takes no bytes for the stall timeout is cut off (<see cref="Stalled"/>): the frames not yet handed to the connection
/// are discarded, senders get <see cref="StreamStalledException"/>, and only control frames (the close) follow.
/// </summary>
public sealed class WebSocketFrameWriter : IThreadPoolWorkItem
{
    private const int MaxHeaderLength = 10;
    private readonly Stream _stream;
    private readonly int _highWaterMark;
    private readonly int _maxPendingMessages;
    private readonly TimeSpan _stallTimeout;
    private readonly object _gate = new();
    private readonly Utf8JsonWriter _json = new(Stream.Null, new JsonWriterOptions { SkipValidation = true });
    private PendingBuffer _pending = new();
    private PendingBuffer _writing = new();
    private bool _writerRunning;
    private bool _completed;
    private bool _released;
    private Exception? _fault;
    private StreamStalledException? _stalled;
    private int _pendingMessages;
    private TaskCompletionSource? _drained;
    private TaskCompletionSource? _idle;

    public WebSocketFrameWriter(Stream stream, int highWaterMark)
        : this(stream, highWaterMark, int.MaxValue, TimeSpan.Zero)
    {
    }

    /// <param name="stream">The upgraded connection.</param>
    /// <param name="highWaterMark">Pending bytes beyond which senders wait.</param>
    /// <param name="maxPendingMessages">Pending messages beyond which senders wait.</param>
    /// <param name="stallTimeout">How long one write to the connection may take before the peer counts as stalled; zero: forever.</param>
    public WebSocketFrameWriter(Stream stream, int highWaterMark, int maxPendingMessages, TimeSpan stallTimeout)
    {
        _stream = stream;
        _highWaterMark = highWaterMark;
        _maxPendingMessages = maxPendingMessages;
        _stallTimeout = stallTimeout;
        ControlStream = new ControlFrameStream(this);
    }

    /// <summary>Called once (on a thread-pool thread) when the peer is found stalled; the owner then closes the stream.</summary>
    public Action<StreamStalledException>? Stalled { get; set; }

    /// <summary>
    /// Called when the WebSocket disposes <see cref="ControlStream"/> (its close, or its abort after a ping went
    /// unanswered), before the connection is disposed: disposing an upgraded connection does not end a read in progress,
    /// so the owner aborts the connection there when the WebSocket was aborted.
    /// </summary>
    public Action? ControlStreamClosing { get; set; }

    /// <summary>
    /// The stream to build the receiving <see cref="WebSocket"/> on: reads come from the connection, and the control frames
    /// it writes (pong, close) go through this writer, so they can never interleave with a data frame.
    /// </summary>
    public Stream ControlStream { get; }

    /// <summary>Serializes <paramref name="value"/> as one text frame and queues it.</summary>
    public ValueTask WriteTextAsync<T>(T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (HasRoom || _fault is not null || _stalled is not null || _completed)
            {
                ThrowIfUnusable();
                AppendTextFrame(value, typeInfo);
                StartWriterIfIdle();
                return default;
            }
        }

        return WriteTextSlowAsync(value, typeInfo, cancellationToken);
    }

    /// <summary>Completes once every byte queued so far has been written to the connection.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_fault is not null)
            {
                return Task.FromException(_fault);
            }

            if (!_writerRunning && _pending.Length == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Drops the frames not yet handed to the connection (the stream is cut off; only the close follows).</summary>
    public void DiscardPending()
    {
        lock (_gate)
        {
            _pending.Reset();
            _pendingMessages = 0;
            _completed = true;
        }
    }

    /// <summary>No data frame may follow: the close handshake is next.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
        }
    }

    /// <summary>The stream is over: the pooled buffers go back to the pool now, or when the writer task finishes its last write.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _completed = true;
            _released = true;
            if (!_writerRunning)
            {
                ReturnBuffers();
            }
        }
    }

    private void ReturnBuffers()
    {
        _pending.Return();
        _writing.Return();
        _json.Dispose();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteTextSlowAsync<T>(T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task drained;
            lock (_gate)
            {
                ThrowIfUnusable();
                if (HasRoom)
                {
                    AppendTextFrame(value, typeInfo);
                    StartWriterIfIdle();
                    return;
                }

                _drained ??= new(TaskCreationOptions.RunContinuationsAsynchronously);
                drained = _drained.Task;
            }

            await drained.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool HasRoom => _pending.Length < _highWaterMark && _pendingMessages < _maxPendingMessages;

    private void ThrowIfUnusable()
    {
        if (_stalled is not null)
        {
            throw _stalled;
        }

        if (_fault is not null)
        {
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The connection failed.", _fault);
        }

        if (_completed)
        {
            throw new InvalidOperationException("The stream is closed.");
        }
    }

    private void AppendTextFrame<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var start = _pending.Length;
        try
        {
            // The header's gap is reserved in the buffer (rented here when the stream was idle), filled in below.
            _pending.GetSpan(MaxHeaderLength);
            _pending.Advance(MaxHeaderLength);
            _json.Reset(_pending);
            JsonSerializer.Serialize(_json, value, typeInfo);
            _json.Flush();
            _pending.WriteHeaderBefore(start, MaxHeaderLength, WebSocketOpcode.Text);
            _pendingMessages++;
        }
        catch
        {
            _pending.Truncate(start);
            throw;
        }
    }

    private void AppendRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_pending.GetSpan(bytes.Length));
        _pending.Advance(bytes.Length);
    }

    private void StartWriterIfIdle()
    {
        if (!_writerRunning)
        {
            _writerRunning = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute() => _ = WriteLoopAsync();

    private async Task WriteLoopAsync()
    {
        try
        {
            while (true)
            {
                TaskCompletionSource? drained;
                lock (_gate)
                {
                    if (_pending.Length == 0 || _released)
                    {
                        // Idle: the buffers go back to the pool until the next message, so an idle stream (most of
                        // 10,000 subscribers) holds none of them.
                        _writerRunning = false;
                        _pending.Return();
                        _writing.Return();
                        var idle = _idle;
                        _idle = null;
                        idle?.TrySetResult();
                        if (_released)
                        {
                            ReturnBuffers();
                        }

                        return;
                    }

                    (_pending, _writing) = (_writing, _pending);
                    _pendingMessages = 0;
                    drained = _drained;
                    _drained = null;
                }

                drained?.TrySetResult();
                var write = _stream.WriteAsync(_writing.WrittenMemory);
                if (write.IsCompletedSuccessfully || _stallTimeout <= TimeSpan.Zero)
                {
                    await write.ConfigureAwait(false);
                }
                else
                {
                    await WriteWatchedAsync(write.AsTask()).ConfigureAwait(false);
                }

                _writing.Reset();
            }
        }
        catch (Exception e)
        {
            TaskCompletionSource? drained, idle;
            lock (_gate)
            {
                _fault = e;
                _writerRunning = false;
                _pending.Reset();
                _pendingMessages = 0;
                if (_released)
                {
                    ReturnBuffers();
                }

                (drained, _drained) = (_drained, null);
                (idle, _idle) = (_idle, null);
            }

            drained?.TrySetException(e);
            idle?.TrySetException(e);
        }
    }

    /// <summary>Waits for a write the peer is slow to take; past the stall timeout the peer is cut off, and the write still finishes or fails.</summary>
    private async Task WriteWatchedAsync(Task write)
    {
        try
        {
            await write.WaitAsync(_stallTimeout).ConfigureAwait(false);
            return;
        }
        catch (TimeoutException)
        {
            var stalled = StreamStalledException.NoProgress(_stallTimeout);
            TaskCompletionSource? drained;
            lock (_gate)
            {
                _stalled = stalled;
                _pending.Reset();
                _pendingMessages = 0;
                (drained, _drained) = (_drained, null);
            }

            drained?.TrySetException(stalled);
            Stalled?.Invoke(stalled);
        }

        await write.ConfigureAwait(false);
    }

    /// <summary>The connection as the framework's WebSocket sees it: it reads frames, and writes only control frames.</summary>
    private sealed class ControlFrameStream(WebSocketFrameWriter writer) : Stream
    {
        public override bool CanRead => true;

        public override bool CanWrite => true;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            writer._stream.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            writer._stream.ReadAsync(buffer, offset, count, cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => writer._stream.Read(buffer, offset, count);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            lock (writer._gate)
            {
                if (writer._fault is { } fault)
                {
                    throw new IOException("The connection failed.", fault);
                }

                writer.AppendRaw(buffer.Span);
                writer.StartWriterIfIdle();
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, default).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);

        public override void Flush() => writer.FlushAsync(default).GetAwaiter().GetResult();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                writer.ControlStreamClosing?.Invoke();
                writer._stream.Dispose();
            }

            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync()
        {
            writer.ControlStreamClosing?.Invoke();
            return writer._stream.DisposeAsync();
        }
    }

    /// <summary>A growable buffer from the shared pool; frames are built in place.</summary>
    private sealed class PendingBuffer : IBufferWriter<byte>
    {
        // Rented on the first write and returned when the writer goes idle (Return), never held by an idle stream.
        private byte[] _buffer = [];

        public int Length { get; private set; }

        public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Length);

        public void Advance(int count) => Length += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(Length);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(Length);
        }

        public void Truncate(int length) => Length = length;

        /// <summary>Gives the array back to the pool; the buffer is empty, and rents again on its next write.</summary>
        public void Return()
        {
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
                Length = 0;
            }
        }

        public void Reset()
        {
            Length = 0;
            if (_buffer.Length > 1024 * 1024)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            }
        }

        /// <summary>
        /// Writes the frame header for the payload that follows a gap of <paramref name="reserved"/> bytes at
        /// <paramref name="start"/>, then closes the gap (the header is 2, 4 or 10 bytes; the gap was sized for 10).
        /// </summary>
        public void WriteHeaderBefore(int start, int reserved, WebSocketOpcode opcode)
        {
            var payloadLength = Length - start - reserved;
            Span<byte> header = stackalloc byte[MaxHeaderLength];
            header[0] = (byte)(0x80 | (int)opcode);
            int headerLength;
            if (payloadLength <= 125)
            {
                header[1] = (byte)payloadLength;
                headerLength = 2;
            }
            else if (payloadLength <= ushort.MaxValue)
            {
                header[1] = 126;
                BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)payloadLength);
                headerLength = 4;
            }
            else
            {
                header[1] = 127;
                BinaryPrimitives.WriteUInt64BigEndian(header[2..], (ulong)payloadLength);
                headerLength = 10;
            }

            var gap = reserved - headerLength;
            if (gap > 0)
            {
                _buffer.AsSpan(start + reserved, payloadLength).CopyTo(_buffer.AsSpan(start + headerLength));
                Length -= gap;
            }

            header[..headerLength].CopyTo(_buffer.AsSpan(start));
        }

        private void Ensure(int sizeHint)
        {
            var needed = Length + Math.Max(sizeHint, 256);
            if (needed > _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(needed, 16 * 1024), _buffer.Length * 2));
                _buffer.AsSpan(0, Length).CopyTo(larger);
                if (_buffer.Length > 0)
                {
                    ArrayPool<byte>.Shared.Return(_buffer);
                }

                _buffer = larger;
            }
        }
    }
}
