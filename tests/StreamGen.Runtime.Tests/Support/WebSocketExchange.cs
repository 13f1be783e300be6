namespace StreamGen.Runtime.Tests.Support;

/// <summary>
/// A WebSocket request served by a <see cref="WebSocketServerStream{TReceive, TSend}"/> over an in-memory connection, with a
/// <see cref="WebSocketClientConnection"/> as the peer: what the server stream does is seen as the frames the client gets.
/// </summary>
internal sealed class WebSocketExchange : WebSocketRequest
{
    public WebSocketExchange(Action<StreamGenWebSocketOptions>? configure = null, string? origin = null)
        : base(configure, origin, upgrade: false)
    {
        Stream = new TestServerStream(Context);
    }

    public TestServerStream Stream { get; }

    public override async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        await base.DisposeAsync();
    }
}
