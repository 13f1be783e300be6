namespace StreamGen.Runtime;

using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The server end of a stream, as a method's handler gets it: the generated <c>I{Method}ServerStream</c> interfaces
/// derive from this and from the operations their stream kind has (<see cref="IStreamSender{T}"/>,
/// <see cref="IStreamReceiver{T}"/>, <see cref="IStreamResultSender{T}"/>). The stream ends when the handler returns;
/// an exception the handler throws is the error the client gets.
/// </summary>
public interface IServerStream
{
    /// <summary>
    /// Opens the stream now rather than at the first message: the client's open call returns, with the view chosen so far.
    /// Call it once the handler is ready (e.g. subscribed), so the client knows nothing after that point is missed.
    /// </summary>
    ValueTask OpenAsync(CancellationToken cancellationToken = default);
}
