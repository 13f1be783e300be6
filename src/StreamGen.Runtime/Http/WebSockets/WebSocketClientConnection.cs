namespace StreamGen.Runtime;

using global::System;
using global::System.Buffers;
using global::System.Buffers.Binary;
using global::System.Diagnostics;
using global::System.Globalization;
using global::System.IO;
using global::System.Net.WebSockets;
using global::System.Runtime.CompilerServices;
using global::System.Security.Cryptography;
using global::System.Text;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The client side of RFC 6455 over the upgraded connection. It reads the connection in large chunks and parses every
/// frame already received without another read, which is what keeps a client ahead of a server that coalesces frames
/// (a framework WebSocket pays a receive call per frame). It answers pings, assembles fragmented messages, enforces the
/// message size limit, writes masked frames under one lock, and runs the close handshake. With a keep-alive timeout it
/// pings the server and, when a receive or a send waits while nothing arrives for that long after a ping (a dead server,
/// a half-open connection), drops the connection so the call fails with an error instead of hanging.
/// </summary>
public sealed class WebSocketClientConnection : IAsyncDisposable
{
    private const int MaxHeaderLength = 14;
    private readonly Stream _stream;
    private readonly int _maxMessageSize;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Timer? _keepAlive;
    private byte[] _input = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _end;
    private byte[] _message = ArrayPool<byte>.Shared.Rent(4 * 1024);
    private byte[] _current = [];
    private int _currentOffset;
    private byte[] _output = ArrayPool<byte>.Shared.Rent(4 * 1024);
    private readonly TimeSpan _keepAliveTimeout;
    private int _closeSent;
    private long _lastRead = Stopwatch.GetTimestamp();
    private long _pingSent;
    private int _waiting;
    private WebSocketException? _dead;

    public WebSocketClientConnection(Stream stream, int maxMessageSize, TimeSpan keepAliveInterval)
        : this(stream, maxMessageSize, keepAliveInterval, TimeSpan.Zero)
    {
    }

    /// <param name="stream">The upgraded connection.</param>
    /// <param name="maxMessageSize">Largest message accepted, in bytes.</param>
    /// <param name="keepAliveInterval">Interval of keep-alive frames; zero: none.</param>
    /// <param name="keepAliveTimeout">How long a ping may go unanswered (nothing received) while the client waits on the connection; zero: unsolicited pongs only, no deadline.</param>
    public WebSocketClientConnection(Stream stream, int maxMessageSize, TimeSpan keepAliveInterval, TimeSpan keepAliveTimeout)
    {
        _stream = stream;
        _maxMessageSize = maxMessageSize;
        _keepAliveTimeout = keepAliveTimeout;
        if (keepAliveInterval > TimeSpan.Zero)
        {
            _keepAlive = new Timer(static state => _ = ((WebSocketClientConnection)state!).SendKeepAliveAsync(), this, keepAliveInterval, keepAliveInterval);
        }
    }

    /// <summary>The payload of the last data message received, read where it lies (valid until the next receive).</summary>
    public ReadOnlySpan<byte> Message(int length) => _current.AsSpan(_currentOffset, length);

    /// <summary>
    /// Takes the next message when a whole, unfragmented data frame is already buffered, which is the usual case when the
    /// server coalesces: no read, no copy, no state machine. False means <see cref="ReceiveAsync"/> must run.
    /// </summary>
    public bool TryReceiveBuffered(out int length)
    {
        if (ParseFrame() is { Fin: true, Opcode: 0x1 or 0x2 } header)
        {
            _current = _input;
            _currentOffset = _start + header.HeaderLength;
            _start += header.HeaderLength + header.PayloadLength;
            length = header.PayloadLength;
            return true;
        }

        length = 0;
        return false;
    }

    public bool CloseSent => Volatile.Read(ref _closeSent) == 1;

    /// <summary>Receives the next data message (answering pings on the way), or the peer's close.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ClientReceiveResult> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        var type = WebSocketMessageType.Text;
        var inMessage = false;
        while (true)
        {
            var frame = ParseFrame();
            if (frame is not { } header)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var payloadOffset = _start + header.HeaderLength;
            var payload = _input.AsSpan(payloadOffset, header.PayloadLength);
            _start += header.HeaderLength + header.PayloadLength;
            switch (header.Opcode)
            {
                case 0x1 or 0x2 when !inMessage:
                case 0x0 when inMessage:
                    if (header.Opcode != 0x0)
                    {
                        type = header.Opcode == 0x1 ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
                        inMessage = true;
                        if (header.Fin)
                        {
                            // Unfragmented: read it where it lies.
                            _current = _input;
                            _currentOffset = payloadOffset;
                            return new ClientReceiveResult(type, header.PayloadLength, null, null);
                        }
                    }

                    if ((long)length + payload.Length > _maxMessageSize)
                    {
                        throw new WebSocketProtocolException(WebSocketCloseStatus.MessageTooBig, "message_too_big", $"a message exceeds {_maxMessageSize} bytes");
                    }

                    if (length + payload.Length > _message.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(length + payload.Length, _message.Length * 2));
                        _message.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(_message);
                        _message = larger;
                    }

                    payload.CopyTo(_message.AsSpan(length));
                    length += payload.Length;
                    if (header.Fin)
                    {
                        _current = _message;
                        _currentOffset = 0;
                        return new ClientReceiveResult(type, length, null, null);
                    }

                    break;
                case 0x8:
                    var status = payload.Length >= 2 ? (WebSocketCloseStatus?)BinaryPrimitives.ReadUInt16BigEndian(payload) : WebSocketCloseStatus.Empty;
                    var reason = payload.Length > 2 ? Encoding.UTF8.GetString(payload[2..]) : "";
                    return new ClientReceiveResult(WebSocketMessageType.Close, 0, status, reason);
                case 0x9:
                    var pong = payload.ToArray();
                    await SendFrameAsync(0xA, pong, cancellationToken).ConfigureAwait(false);
                    break;
                case 0xA:
                    break;
                default:
                    throw new WebSocketProtocolException(WebSocketCloseStatus.ProtocolError, "protocol_error", $"unexpected frame (opcode {header.Opcode})");
            }
        }
    }

    /// <summary>Sends one whole text message, masked as a client must.</summary>
    public ValueTask SendTextAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        SendFrameAsync(0x1, payload, cancellationToken);

    /// <summary>Sends the close frame once; later calls do nothing.</summary>
    public async ValueTask CloseOutputAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _closeSent, 1) == 1)
        {
            return;
        }

        var payload = new byte[2 + Encoding.UTF8.GetByteCount(reason)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);
        Encoding.UTF8.GetBytes(reason, payload.AsSpan(2));
        await SendFrameAsync(0x8, payload, cancellationToken, closing: true).ConfigureAwait(false);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendFrameAsync(int opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken, bool closing = false)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_closeSent == 1 && !closing)
            {
                throw new WebSocketException(WebSocketError.InvalidState, "the stream's sending half is closed");
            }

            var length = MaxHeaderLength + payload.Length;
            if (_output.Length < length)
            {
                ArrayPool<byte>.Shared.Return(_output);
                _output = ArrayPool<byte>.Shared.Rent(length);
            }

            var frame = _output.AsSpan();
            frame[0] = (byte)(0x80 | opcode);
            int offset;
            if (payload.Length <= 125)
            {
                frame[1] = (byte)(0x80 | payload.Length);
                offset = 2;
            }
            else if (payload.Length <= ushort.MaxValue)
            {
                frame[1] = 0x80 | 126;
                BinaryPrimitives.WriteUInt16BigEndian(frame[2..], (ushort)payload.Length);
                offset = 4;
            }
            else
            {
                frame[1] = 0x80 | 127;
                BinaryPrimitives.WriteUInt64BigEndian(frame[2..], (ulong)payload.Length);
                offset = 10;
            }

            var mask = frame.Slice(offset, 4);
            RandomNumberGenerator.Fill(mask);
            offset += 4;
            payload.Span.CopyTo(frame[offset..]);
            Mask(frame.Slice(offset, payload.Length), BinaryPrimitives.ReadUInt32LittleEndian(mask));
            Interlocked.Increment(ref _waiting);
            try
            {
                await _stream.WriteAsync(_output.AsMemory(0, offset + payload.Length), cancellationToken).ConfigureAwait(false);
                await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (_dead is { } dead)
            {
                throw dead;
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task SendKeepAliveAsync()
    {
        try
        {
            if (_keepAliveTimeout <= TimeSpan.Zero)
            {
                // An unsolicited pong: a one-way heartbeat (RFC 6455 5.5.3) that keeps idle connections open.
                if (_closeSent == 0 && _writeLock.CurrentCount == 1)
                {
                    await SendFrameAsync(0xA, ReadOnlyMemory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
                }

                return;
            }

            // A ping the server must answer; whatever arrives after it (its pong or any frame) shows the server is alive.
            var sent = Stopwatch.GetTimestamp();
            if (Interlocked.CompareExchange(ref _pingSent, sent, 0) == 0 && _closeSent == 0 && _writeLock.CurrentCount == 1)
            {
                await SendFrameAsync(0x9, ReadOnlyMemory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
            }

            await Task.Delay(_keepAliveTimeout).ConfigureAwait(false);
            var ping = Volatile.Read(ref _pingSent);
            if (ping != 0 && Volatile.Read(ref _lastRead) < ping && Volatile.Read(ref _waiting) > 0 && Stopwatch.GetElapsedTime(ping) >= _keepAliveTimeout)
            {
                _dead = new WebSocketException(WebSocketError.ConnectionClosedPrematurely, $"the server answered no ping within {_keepAliveTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
                await _stream.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection is gone: the next receive or send reports it.
        }
    }

    /// <summary>Reads more of the connection, keeping the unparsed bytes (and growing for a frame larger than the buffer).</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _input.AsSpan(_start, _end - _start).CopyTo(_input);
            _end -= _start;
            _start = 0;
        }

        if (_end == _input.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_input.Length * 2);
            _input.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_input);
            _input = larger;
        }

        int read;
        Interlocked.Increment(ref _waiting);
        try
        {
            read = await _stream.ReadAsync(_input.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (_dead is { } dead)
        {
            throw dead;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        if (read == 0)
        {
            throw _dead ?? new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "the server closed the connection without a close frame");
        }

        Volatile.Write(ref _lastRead, Stopwatch.GetTimestamp());
        Interlocked.Exchange(ref _pingSent, 0);
        _end += read;
    }

    /// <summary>The next whole frame in the buffer, or null when more bytes are needed. Server frames are never masked.</summary>
    private FrameHeader? ParseFrame()
    {
        var available = _end - _start;
        if (available < 2)
        {
            return null;
        }

        var first = _input[_start];
        var second = _input[_start + 1];
        if ((first & 0x70) != 0 || (second & 0x80) != 0)
        {
            throw new WebSocketProtocolException(WebSocketCloseStatus.ProtocolError, "protocol_error", "the server sent a frame with reserved bits or a mask");
        }

        long payloadLength = second & 0x7F;
        var headerLength = 2;
        if (payloadLength == 126)
        {
            if (available < 4)
            {
                return null;
            }

            payloadLength = BinaryPrimitives.ReadUInt16BigEndian(_input.AsSpan(_start + 2));
            headerLength = 4;
        }
        else if (payloadLength == 127)
        {
            if (available < 10)
            {
                return null;
            }

            payloadLength = (long)BinaryPrimitives.ReadUInt64BigEndian(_input.AsSpan(_start + 2));
            headerLength = 10;
        }

        var opcode = first & 0x0F;
        if (payloadLength > _maxMessageSize || payloadLength < 0 || (opcode >= 0x8 && (payloadLength > 125 || (first & 0x80) == 0)))
        {
            throw payloadLength > _maxMessageSize
                ? new WebSocketProtocolException(WebSocketCloseStatus.MessageTooBig, "message_too_big", $"a message exceeds {_maxMessageSize} bytes")
                : new WebSocketProtocolException(WebSocketCloseStatus.ProtocolError, "protocol_error", "the server sent an invalid control frame");
        }

        if (available < headerLength + payloadLength)
        {
            if (headerLength + payloadLength > _input.Length - _start && _start == 0)
            {
                // The frame is larger than the buffer: make room before the next read.
                var larger = ArrayPool<byte>.Shared.Rent((int)(headerLength + payloadLength));
                _input.AsSpan(0, _end).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_input);
                _input = larger;
            }

            return null;
        }

        return new FrameHeader((first & 0x80) != 0, opcode, headerLength, (int)payloadLength);
    }

    private static void Mask(Span<byte> data, uint key)
    {
        var i = 0;
        var wide = ((ulong)key << 32) | key;
        for (; i + 8 <= data.Length; i += 8)
        {
            var value = BinaryPrimitives.ReadUInt64LittleEndian(data[i..]) ^ wide;
            BinaryPrimitives.WriteUInt64LittleEndian(data[i..], value);
        }

        for (; i < data.Length; i++)
        {
            data[i] ^= (byte)(key >> (8 * (i % 4)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync().ConfigureAwait(false);
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Aborts the connection without a close handshake.</summary>
    public void Abort() => _stream.Dispose();

    private readonly record struct FrameHeader(bool Fin, int Opcode, int HeaderLength, int PayloadLength);
}
