namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// A server stream seen through the server interceptors: what the handler sends and receives passes through the chains
/// of the interceptors that read or write streamed messages, once per message; everything else goes straight to the
/// transport's stream (WebSocket, SSE or gRPC, whichever served the call). The generated per-method class adds the
/// method's stream interface; absent message kinds are <see cref="NoMessage"/>.
/// </summary>
/// <typeparam name="TIn">The streaming payload.</typeparam>
/// <typeparam name="TOut">The streaming result.</typeparam>
/// <typeparam name="TResult">The result sent with SendAndCloseAsync.</typeparam>
public class InterceptedServerStream<TIn, TOut, TResult>(
    object stream,
    Func<InterceptedValue<TIn>, IReadOnlyList<InterceptorStep>>? receiving,
    Func<InterceptedValue<TOut>, IReadOnlyList<InterceptorStep>>? sending)
    : IServerStream, IStreamSender<TOut>, IMessageReceiver<TIn>, IStreamResultSender<TResult>
{
    /// <summary>The transport's stream.</summary>
    protected object Stream { get; } = stream ?? throw new ArgumentNullException(nameof(stream));

    /// <inheritdoc/>
    public ValueTask OpenAsync(CancellationToken cancellationToken = default) => ((IServerStream)Stream).OpenAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask SendAsync(TOut message, CancellationToken cancellationToken = default) =>
        InterceptedMessages.SendAsync((IStreamSender<TOut>)Stream, message, sending, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Received<TIn>> ReceiveAsync(CancellationToken cancellationToken = default) =>
        InterceptedMessages.ReceiveAsync((IMessageReceiver<TIn>)Stream, receiving, cancellationToken);

    /// <inheritdoc/>
    public ValueTask SendAndCloseAsync(TResult result, CancellationToken cancellationToken = default) =>
        ((IStreamResultSender<TResult>)Stream).SendAndCloseAsync(result, cancellationToken);
}
