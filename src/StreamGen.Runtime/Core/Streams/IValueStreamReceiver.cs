namespace StreamGen.Runtime;

using global::System.Collections.Generic;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The receiving half of a stream of a value type (<c>long</c>, <c>bool</c>, Any's <c>JsonElement</c>): as
/// <see cref="IStreamReceiver{T}"/>, with null (a nullable value) marking the end of the stream.
/// </summary>
public interface IValueStreamReceiver<T> : IMessageReceiver<T>
    where T : struct
{
    /// <summary>Receives the next message, validated; null once the peer has ended its stream.</summary>
    ValueTask<T?> RecvAsync(CancellationToken cancellationToken = default) => ReceivedMessages.OrNullValue(ReceiveAsync(cancellationToken));

    /// <summary>Every remaining message, until the peer ends its stream.</summary>
    IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) => ReceivedMessages.ReadAllAsync(this, cancellationToken);
}
