namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.IO;
using global::System.IO.Pipelines;
using global::System.Net.Http;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::System.Text.Json.Serialization.Metadata;

/// <summary>
/// The client end of a server stream read as JSON Lines (<see cref="JsonLinesConnection"/>): each line decoded and
/// validated by <see cref="JsonLinesReader{T}"/> (blank heartbeat lines skipped; a line over
/// <see cref="StreamGenClientOptions.MaxMessageSize"/> is <c>message_too_big</c>). The stream ends at the end of the
/// body; a connection cut before it (the server failed after the first line, shut down or cut a slow reader off) is a
/// <see cref="StreamClosedException"/> <c>connection_lost</c>, never a clean end.
/// </summary>
public abstract class JsonLinesClientStream<T> : IClientStream, IMessageReceiver<T>
{
    private readonly JsonLinesConnection _connection;
    private readonly PipeReader _pipe;
    private readonly JsonLinesReader<T> _reader;

    protected JsonLinesClientStream(JsonLinesConnection connection, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        ViewName = connection.ViewName;
        _pipe = PipeReader.Create(connection.Body, new StreamPipeReaderOptions(leaveOpen: true));
        _reader = new JsonLinesReader<T>(_pipe, typeInfo, connection.Options.MaxMessageSize, ValidateReceived);
    }

    protected string? ViewName { get; }

    /// <summary>Validates a received message beyond its type's rules (a view's); nothing by default.</summary>
    protected virtual void ValidateReceived(T message, ref ValidationErrors? errors)
    {
    }

    public ValueTask<Received<T>> ReceiveAsync(CancellationToken cancellationToken = default) => ReceiveCoreAsync(cancellationToken);

    protected async ValueTask<Received<T>> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new StreamClosedException(null, "connection_lost", "the connection was lost before the end of the stream", e);
        }
    }

    /// <summary>Every message until the end of the stream (see <see cref="ReceivedMessages"/>).</summary>
    protected IAsyncEnumerable<T> ReadAllCoreAsync(CancellationToken cancellationToken) =>
        ReceivedMessages.ReadAllAsync(ReceiveCoreAsync, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _pipe.CompleteAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
