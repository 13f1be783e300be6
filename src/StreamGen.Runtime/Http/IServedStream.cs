namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The server end of one HTTP stream as the generated endpoint drives it, whatever its framing (a WebSocket, Server-Sent
/// Events, JSON Lines): a route that answers several framings picks the stream by the request
/// (<see cref="StreamFramings.Select"/>) and serves the method's handler on it.
/// </summary>
public interface IServedStream : IAsyncDisposable
{
    /// <summary>
    /// Runs the handler with the stream's token and ends the stream as the handler's outcome says;
    /// <paramref name="errorStatus"/> maps the design's error names to HTTP statuses (0: the default).
    /// </summary>
    Task ServeAsync(Func<string, int> errorStatus, Func<CancellationToken, Task> handler);
}
