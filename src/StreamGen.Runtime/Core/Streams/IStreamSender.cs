namespace StreamGen.Runtime;

using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>The sending half of a stream (Goa's Send): results on the server, streamed payloads on the client.</summary>
public interface IStreamSender<in T>
{
    /// <summary>Sends one message. Concurrent calls are safe; it completes once the message is queued, and waits only when the peer is slow.</summary>
    ValueTask SendAsync(T message, CancellationToken cancellationToken = default);
}
