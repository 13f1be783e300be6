namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// A client stream seen through the client interceptors: what the caller sends and receives passes through the chains
/// of the interceptors that read or write streamed messages, once per message; closing, the final result and disposal go
/// straight to the transport's stream. The generated per-method class adds the method's stream interface; absent message
/// kinds are <see cref="NoMessage"/>.
/// </summary>
/// <typeparam name="TOut">The streaming payload.</typeparam>
/// <typeparam name="TIn">The streaming result.</typeparam>
/// <typeparam name="TResult">The result CloseAndRecvAsync returns.</typeparam>
public class InterceptedClientStream<TOut, TIn, TResult>(
    object stream,
    Func<InterceptedValue<TOut>, IReadOnlyList<InterceptorStep>>? sending,
    Func<InterceptedValue<TIn>, IReadOnlyList<InterceptorStep>>? receiving)
    : IClientStream, IStreamSender<TOut>, IMessageReceiver<TIn>, IStreamResultReceiver<TResult>, IStreamCloser
{
    /// <summary>The transport's stream.</summary>
    protected object Stream { get; } = stream ?? throw new ArgumentNullException(nameof(stream));

    /// <inheritdoc/>
    public ValueTask SendAsync(TOut message, CancellationToken cancellationToken = default) =>
        InterceptedMessages.SendAsync((IStreamSender<TOut>)Stream, message, sending, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Received<TIn>> ReceiveAsync(CancellationToken cancellationToken = default) =>
        InterceptedMessages.ReceiveAsync((IMessageReceiver<TIn>)Stream, receiving, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<TResult> CloseAndRecvAsync(CancellationToken cancellationToken = default) =>
        ((IStreamResultReceiver<TResult>)Stream).CloseAndRecvAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask CloseAsync(CancellationToken cancellationToken = default) => ((IStreamCloser)Stream).CloseAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ((IAsyncDisposable)Stream).DisposeAsync();
    }
}
