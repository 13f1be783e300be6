namespace StreamGen.Runtime;

using global::System.IO;
using global::System.Net.WebSockets;

/// <summary>The server broke the protocol or a limit: the client closes with <see cref="CloseStatus"/>.</summary>
public sealed class WebSocketProtocolException(WebSocketCloseStatus closeStatus, string name, string message) : IOException(message)
{
    public WebSocketCloseStatus CloseStatus { get; } = closeStatus;

    public string Name { get; } = name;
}
