namespace StreamGen.Runtime;

using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>The server end of a client stream with a result: the handler ends the stream by sending the result.</summary>
public interface IStreamResultSender<in T>
{
    /// <summary>Sends the result and ends the stream (Goa's SendAndClose).</summary>
    ValueTask SendAndCloseAsync(T result, CancellationToken cancellationToken = default);
}
