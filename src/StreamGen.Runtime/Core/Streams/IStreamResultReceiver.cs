namespace StreamGen.Runtime;

using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>The client end of a client stream with a result: the client ends its stream and gets the server's result.</summary>
public interface IStreamResultReceiver<T>
{
    /// <summary>Ends the sending half and returns the server's result, validated (Goa's CloseAndRecv).</summary>
    ValueTask<T> CloseAndRecvAsync(CancellationToken cancellationToken = default);
}
