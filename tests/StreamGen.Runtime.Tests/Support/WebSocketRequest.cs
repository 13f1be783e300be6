using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>
/// A WebSocket upgrade request over an in-memory connection, with a <see cref="WebSocketClientConnection"/> as the peer:
/// whatever server stream serves <see cref="Context"/>, what it does is seen as the frames the client gets.
/// </summary>
internal class WebSocketRequest : IAsyncDisposable
{
    private readonly StoppingLifetime _lifetime = new();
    private readonly ServiceProvider _services;

    public WebSocketRequest(Action<StreamGenWebSocketOptions>? configure = null, string? origin = null, bool upgrade = true)
    {
        var (server, client) = DuplexPipe.Create();
        _services = new ServiceCollection()
            .AddLogging()
            .Configure<StreamGenWebSocketOptions>(options =>
            {
                options.CloseTimeout = TimeSpan.FromSeconds(5);
                options.KeepAliveInterval = TimeSpan.Zero;
                configure?.Invoke(options);
            })
            .AddSingleton<IHostApplicationLifetime>(_lifetime)
            .BuildServiceProvider();
        Context = new DefaultHttpContext { RequestServices = _services };
        Context.Request.Method = "GET";
        Context.Request.Path = "/test/stream";
        if (upgrade)
        {
            Context.Request.Headers.Connection = "Upgrade";
            Context.Request.Headers.Upgrade = "websocket";
            Context.Request.Headers.SecWebSocketVersion = "13";
        }

        Context.Request.Headers.SecWebSocketKey = "dGhlIHNhbXBsZSBub25jZQ==";
        if (origin is not null)
        {
            Context.Request.Headers.Origin = origin;
        }

        Context.Response.Body = new MemoryStream();
        Upgrade = new UpgradeFeature(server);
        Context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpUpgradeFeature>(Upgrade);
        Client = new WebSocketClientConnection(client, 1024 * 1024, TimeSpan.Zero);
    }

    public DefaultHttpContext Context { get; }

    public UpgradeFeature Upgrade { get; }

    public WebSocketClientConnection Client { get; }

    public void StopServer() => _lifetime.StopApplication();

    /// <summary>What the response body holds when the server answered with plain HTTP.</summary>
    public string ResponseBody => Encoding.UTF8.GetString(((MemoryStream)Context.Response.Body).ToArray());

    public ValueTask ClientSendsAsync(string text) => Client.SendTextAsync(Encoding.UTF8.GetBytes(text), Timeout());

    /// <summary>The next message the client gets, as text, or the close (and then the client closes too, as a peer does).</summary>
    public async Task<(string? Text, int? CloseStatus, string? CloseReason)> ClientReceivesAsync()
    {
        var result = await Client.ReceiveAsync(Timeout());
        if (result.MessageType != WebSocketMessageType.Close)
        {
            return (Encoding.UTF8.GetString(Client.Message(result.Length)), null, null);
        }

        await Client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", Timeout());
        return (null, (int?)result.CloseStatus, result.CloseReason);
    }

    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    public virtual async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _services.DisposeAsync();
        _lifetime.Dispose();
        GC.SuppressFinalize(this);
    }
}
