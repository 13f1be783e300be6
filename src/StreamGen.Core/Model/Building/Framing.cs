namespace StreamGen.Model.Building;

/// <summary>How a method's stream travels over HTTP; the runtime's <c>StreamFraming</c> member of the same name.</summary>
internal enum Framing
{
    WebSocket,
    ServerSentEvents,
    JsonLines,
}
