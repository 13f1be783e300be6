namespace StreamGen.Runtime;

using global::System;
using global::System.Buffers;
using global::System.IO;
using global::System.Net.Http;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The client end of a client stream sent as a JSON Lines request body (<see cref="JsonLinesRequest"/>): each
/// <see cref="SendAsync"/> writes one compact JSON value and its line end to the request stream and flushes it, so it
/// completes once the socket took it (the server's reading pace reaches the sender); the stream kinds add how it ends.
/// Sends are serialized; one that fails because the server refused the stream throws the server's error.
/// </summary>
public abstract class JsonLinesRequestCall<TPayload> : IClientStream, IStreamSender<TPayload>
{
    private readonly JsonTypeInfo<TPayload> _payloadInfo;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json = new(Stream.Null);
    private bool _sendingEnded;

    protected JsonLinesRequestCall(JsonLinesRequest request, JsonTypeInfo<TPayload> payloadInfo)
    {
        ArgumentNullException.ThrowIfNull(request);
        Request = request;
        _payloadInfo = payloadInfo;
    }

    protected JsonLinesRequest Request { get; }

    public async ValueTask SendAsync(TPayload message, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_sendingEnded)
            {
                throw new InvalidOperationException("The sending half of the stream is closed.");
            }

            if (Request.HasResponse)
            {
                throw await Request.FailureAsync(new IOException("the server answered before the end of the stream"), cancellationToken).ConfigureAwait(false);
            }

            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            JsonSerializer.Serialize(_json, message, _payloadInfo);
            _json.Flush();
            JsonLinesWriter.EndLine(_buffer);
            try
            {
                await Request.Body.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                await Request.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
            {
                _sendingEnded = true;
                throw await Request.FailureAsync(e, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Ends the body (no more sends) and returns the server's successful response.</summary>
    protected async Task<HttpResponseMessage> CloseSendingAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _sendingEnded = true;
        }
        finally
        {
            _sendLock.Release();
        }

        return await Request.CloseAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Request.DisposeAsync().ConfigureAwait(false);
        _sendLock.Dispose();
        await _json.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
