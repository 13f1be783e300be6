namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.Net.WebSockets;
using global::System.Security.Cryptography;
using global::System.Text;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.AspNetCore.Http.Features;
using global::Microsoft.Extensions.Primitives;

/// <summary>
/// The server side of the HTTP/1.1 WebSocket handshake (RFC 6455 section 4.2). Done here rather than with
/// <c>AcceptWebSocketAsync</c> because the generated streams need the raw upgraded connection to write frames through
/// <see cref="WebSocketFrameWriter"/>; the framework's <see cref="WebSocket"/> still reads them.
/// </summary>
public static class WebSocketAcceptor
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>Whether the request asks for a WebSocket this server can accept.</summary>
    public static bool IsWebSocketRequest(HttpContext context)
    {
        var request = context.Request;
        return HttpMethods.IsGet(request.Method)
            && context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
            && HasToken(request.Headers.Connection, "upgrade")
            && HasToken(request.Headers.Upgrade, "websocket")
            && request.Headers.SecWebSocketVersion.ToString() == "13"
            && IsValidKey(request.Headers.SecWebSocketKey.ToString());
    }

    /// <summary>Sends 101 Switching Protocols (with <c>Goa-View</c> when a view was chosen) and returns the connection.</summary>
    public static async Task<Stream> AcceptAsync(HttpContext context, string? view)
    {
        var key = context.Request.Headers.SecWebSocketKey.ToString();
        var headers = context.Response.Headers;
        headers.Connection = "Upgrade";
        headers.Upgrade = "websocket";
        headers.SecWebSocketAccept = AcceptKey(key);
        if (view is not null)
        {
            headers["Goa-View"] = view;
        }

        if (context.Items.TryGetValue("StreamGen.WebSocketProtocol", out var protocol) && protocol is string accepted)
        {
            // A browser that sent its token as a subprotocol (SecurityPipeline) fails the handshake unless one is chosen.
            headers.SecWebSocketProtocol = accepted;
        }

        var upgrade = context.Features.Get<IHttpUpgradeFeature>()!;
        return await upgrade.UpgradeAsync().ConfigureAwait(false);
    }

    public static string AcceptKey(string key)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(Encoding.ASCII.GetBytes(key + Guid), hash);
        return Convert.ToBase64String(hash);
    }

    private static bool IsValidKey(string key)
    {
        Span<byte> bytes = stackalloc byte[24];
        return key.Length == 24 && Convert.TryFromBase64String(key, bytes, out var written) && written == 16;
    }

    private static bool HasToken(StringValues values, string token)
    {
        foreach (var value in values)
        {
            foreach (var part in (value ?? "").Split(','))
            {
                if (part.Trim().Equals(token, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
