namespace StreamGen.Runtime;

using global::System.Collections.Generic;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The receiving half of a stream of a reference type (Goa's Recv): streamed payloads on the server, results on the
/// client. Every message is validated before it is returned; an invalid one ends the stream with its error.
/// </summary>
public interface IStreamReceiver<T> : IMessageReceiver<T>
    where T : class
{
    /// <summary>Receives the next message, validated; null once the peer has ended its stream.</summary>
    ValueTask<T?> RecvAsync(CancellationToken cancellationToken = default) => ReceivedMessages.OrNull(ReceiveAsync(cancellationToken));

    /// <summary>Every remaining message, until the peer ends its stream.</summary>
    IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) => ReceivedMessages.ReadAllAsync(this, cancellationToken);
}
