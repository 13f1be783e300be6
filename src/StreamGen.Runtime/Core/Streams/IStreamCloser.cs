namespace StreamGen.Runtime;

using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>The client end of a stream the client sends on without waiting for a result (Goa's Close).</summary>
public interface IStreamCloser
{
    /// <summary>Ends the sending half; on a bidirectional stream, messages keep arriving until the server ends the stream.</summary>
    ValueTask CloseAsync(CancellationToken cancellationToken = default);
}
