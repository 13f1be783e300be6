namespace StreamGen.Runtime;

using global::System;
using global::System.Net.Http;
using global::System.Threading.Tasks;

/// <summary>An opened stream: the connection and what the upgrade response said.</summary>
public sealed class WebSocketConnection(WebSocketClientConnection socket, string? view, HttpResponseMessage response) : IAsyncDisposable
{
    public WebSocketClientConnection Socket { get; } = socket;

    public string? View { get; } = view;

    public async ValueTask DisposeAsync()
    {
        await Socket.DisposeAsync().ConfigureAwait(false);
        response.Dispose();
    }
}
