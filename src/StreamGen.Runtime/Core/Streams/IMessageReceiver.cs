namespace StreamGen.Runtime;

using global::System.ComponentModel;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// What every receiving stream implements: the next message, decoded and validated, or the end of the stream, for a
/// message of any type. <see cref="IStreamReceiver{T}"/> and <see cref="IValueStreamReceiver{T}"/> build RecvAsync and
/// ReadAllAsync on it; call those.
/// </summary>
public interface IMessageReceiver<T>
{
    /// <summary>The next message; <see cref="Received{T}.HasValue"/> is false once the peer has ended its stream.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    ValueTask<Received<T>> ReceiveAsync(CancellationToken cancellationToken = default);
}
