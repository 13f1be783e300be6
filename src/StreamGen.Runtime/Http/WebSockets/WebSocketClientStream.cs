namespace StreamGen.Runtime;

using global::System;
using global::System.Buffers;
using global::System.Collections.Generic;
using global::System.IO;
using global::System.Net.WebSockets;
using global::System.Runtime.CompilerServices;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The client end of one WebSocket stream, shared by the client stream kinds (<see cref="WebSocketServerStreamingCall{TResult}"/>,
/// <see cref="WebSocketClientStreamingCall{TPayload}"/>, <see cref="WebSocketBidirectionalCall{TPayload, TResult}"/> ...), over a
/// connection <see cref="WebSocketConnection.ConnectAsync"/> opened. <see cref="WebSocketClientConnection"/> speaks RFC 6455,
/// reading every frame a single read delivered.
/// </summary>
public abstract class WebSocketClientStream<TSend, TReceive> : IAsyncDisposable
{
    private readonly WebSocketConnection _connection;
    private readonly WebSocketClientConnection _socket;
    private readonly JsonTypeInfo<TSend>? _sendInfo;
    private readonly JsonTypeInfo<TReceive>? _receiveInfo;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private readonly object _closeGate = new();
    private Task? _closeOutput;
    private bool _sendingEnded;
    private bool _ended;
    private int _disposed;

    protected WebSocketClientStream(WebSocketConnection connection, JsonTypeInfo<TSend>? sendInfo, JsonTypeInfo<TReceive>? receiveInfo)
    {
        _connection = connection;
        _socket = connection.Socket;
        ViewName = connection.View;
        _sendInfo = sendInfo;
        _receiveInfo = receiveInfo;
        _json = new Utf8JsonWriter(_sendBuffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>The Goa-View header of the upgrade response: the view the server renders messages in.</summary>
    protected string? ViewName { get; }

    /// <summary>Validates a received message: the design's rules of its type (see <see cref="Validation"/>); viewed streams add the view's.</summary>
    protected virtual void ValidateReceived(TReceive message, ref ValidationErrors? errors) => Validation.Validate(message, "message", ref errors);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    protected async ValueTask SendCoreAsync(TSend message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_sendingEnded)
            {
                throw new InvalidOperationException("The sending half of the stream is closed.");
            }

            _sendBuffer.ResetWrittenCount();
            _json.Reset(_sendBuffer);
            JsonSerializer.Serialize(_json, message, _sendInfo!);
            _json.Flush();
            await _socket.SendTextAsync(_sendBuffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            throw new StreamClosedException(null, "connection_lost", "the stream is closed: " + e.Message, e);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next message, decoded and validated; synchronous when it is already buffered (the usual case).</summary>
    protected ValueTask<Received<TReceive>> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        if (!_ended)
        {
            bool buffered;
            int length;
            try
            {
                buffered = _socket.TryReceiveBuffered(out length);
            }
            catch (WebSocketProtocolException)
            {
                // Left in the buffer: the slow path meets it again and closes with its status.
                (buffered, length) = (false, 0);
            }

            if (buffered)
            {
                return Deliver(length);
            }
        }

        return ReceiveSlowAsync(cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Received<TReceive>> ReceiveSlowAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return default;
        }

        if (await ReceiveMessageAsync(cancellationToken).ConfigureAwait(false) is not { } length)
        {
            _ended = true;
            return default;
        }

        return await Deliver(length).ConfigureAwait(false);
    }

    private ValueTask<Received<TReceive>> Deliver(int length)
    {
        TReceive message;
        try
        {
            message = JsonSerializer.Deserialize(_socket.Message(length), _receiveInfo!) ?? throw new JsonException("the message is null");
        }
        catch (JsonException e)
        {
            return RejectAsync<Received<TReceive>>(JsonDecoding.Error(e));
        }

        ValidationErrors? errors = null;
        ValidateReceived(message, ref errors);
        return errors is null
            ? new ValueTask<Received<TReceive>>(new Received<TReceive>(true, message))
            : RejectAsync<Received<TReceive>>(errors.ToException());
    }

    /// <summary>Every message until the end of the stream (see <see cref="ReceivedMessages"/>).</summary>
    protected IAsyncEnumerable<TReceive> ReadAllCoreAsync(CancellationToken cancellationToken) =>
        ReceivedMessages.ReadAllAsync(ReceiveCoreAsync, cancellationToken);

    /// <summary>Ends the sending half: the JSON <c>null</c>, then a close frame with 1000 (Goa's Close).</summary>
    protected async ValueTask CloseSendingAsync(CancellationToken cancellationToken)
    {
        await EndSendingAsync(cancellationToken).ConfigureAwait(false);
        await CloseOutputOnceAsync(WebSocketCloseStatus.NormalClosure, "").WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the sending half with the JSON <c>null</c> and reads the result the server sends before closing (Goa's CloseAndRecv).</summary>
    protected async ValueTask<TResult> CloseAndReceiveCoreAsync<TResult>(JsonTypeInfo<TResult> resultInfo, Func<TResult, ValidationErrors?> validate, CancellationToken cancellationToken)
    {
        await EndSendingAsync(cancellationToken).ConfigureAwait(false);
        var length = await ReceiveMessageAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new StreamClosedException(WebSocketCloseStatus.NormalClosure, "protocol_error", "the server closed the stream without a result");
        TResult result;
        try
        {
            result = JsonSerializer.Deserialize(_socket.Message(length), resultInfo) ?? throw new JsonException("the result is null");
        }
        catch (JsonException e)
        {
            return await RejectAsync<TResult>(JsonDecoding.Error(e)).ConfigureAwait(false);
        }

        if (validate(result) is { } errors)
        {
            return await RejectAsync<TResult>(errors.ToException()).ConfigureAwait(false);
        }

        _ = await ReceiveMessageAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async ValueTask EndSendingAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_sendingEnded)
            {
                _sendingEnded = true;
                await _socket.SendTextAsync("null"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            throw new StreamClosedException(null, "connection_lost", "the stream is closed: " + e.Message, e);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Reads one whole message; null when the server closed the stream with 1000, an error for any other close.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int?> ReceiveMessageAsync(CancellationToken cancellationToken)
    {
        ClientReceiveResult result;
        try
        {
            result = await _socket.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketProtocolException e)
        {
            return await RejectAsync<int?>(new ServiceError(e.Name, e.Message), e.CloseStatus).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            _ended = true;
            throw new StreamClosedException(null, "connection_lost", "the connection was lost: " + e.Message, e);
        }

        if (result.MessageType != WebSocketMessageType.Close)
        {
            return result.Length;
        }

        _ended = true;
        await CloseOutputOnceAsync(WebSocketCloseStatus.NormalClosure, "").ConfigureAwait(false);
        return result.CloseStatus == WebSocketCloseStatus.NormalClosure
            ? null
            : throw StreamClosedException.FromClose(result.CloseStatus, result.CloseReason);
    }

    /// <summary>A received message is invalid: close with 1007 (or the given status) and throw.</summary>
    private async ValueTask<T> RejectAsync<T>(ServiceError error, WebSocketCloseStatus status = WebSocketCloseStatus.InvalidPayloadData)
    {
        _ended = true;
        await CloseOutputOnceAsync(status, StreamClosedException.Reason(error.Name, error.Message)).ConfigureAwait(false);
        throw error;
    }

    /// <summary>
    /// Sends this side's close frame once, whoever asks first (CloseAsync, acknowledging the server's close, rejecting a
    /// message, disposing): two close frames sent at once would race on a connection the handshake may already have ended.
    /// </summary>
    private Task CloseOutputOnceAsync(WebSocketCloseStatus status, string reason)
    {
        lock (_closeGate)
        {
            return _closeOutput ??= CloseOutputAsync(status, reason);
        }
    }

    private async Task CloseOutputAsync(WebSocketCloseStatus status, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    /// <summary>Abandons the stream if it is still open: a close frame without the end-of-stream message, which cancels the server's handler.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await CloseOutputOnceAsync(WebSocketCloseStatus.NormalClosure, "canceled: the client left the stream").ConfigureAwait(false);
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _json.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
