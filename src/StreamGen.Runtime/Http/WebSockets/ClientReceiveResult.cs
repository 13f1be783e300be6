namespace StreamGen.Runtime;

using global::System.Net.WebSockets;

/// <summary>A received frame sequence: a whole data message, or the peer's close.</summary>
public readonly record struct ClientReceiveResult(WebSocketMessageType MessageType, int Length, WebSocketCloseStatus? CloseStatus, string? CloseReason);
