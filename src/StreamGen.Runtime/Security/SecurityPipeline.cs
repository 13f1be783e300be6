namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::Microsoft.AspNetCore.Builder;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// The middleware a secured API runs ahead of its endpoints: the browser fallbacks of bearer schemes that opted in (a
/// token in a query parameter, or a <c>Sec-WebSocket-Protocol</c> entry <c>bearer.&lt;token&gt;</c>, moved into
/// <c>Authorization</c> when the request has none, so any bearer handler, <c>AddJwtBearer</c> included, reads it), then
/// ASP.NET Core authentication and authorization, so every refusal happens before an upgrade or a first byte.
/// </summary>
public static class SecurityPipeline
{
    /// <summary>The <c>Sec-WebSocket-Protocol</c> a browser offers beside <c>bearer.&lt;token&gt;</c>, and the server accepts.</summary>
    public const string BearerProtocol = "bearer";

    /// <summary>The <see cref="HttpContext.Items"/> key of the subprotocol <see cref="WebSocketAcceptor"/> answers with.</summary>
    public const string ProtocolItem = "StreamGen.WebSocketProtocol";

    public static void Use(IApplicationBuilder app, IReadOnlyList<string> bearerQueryNames, bool bearerWebSocketProtocol)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(bearerQueryNames);
        if (bearerQueryNames.Count > 0 || bearerWebSocketProtocol)
        {
            app.Use((context, next) =>
            {
                MoveBearerToken(context, bearerQueryNames, bearerWebSocketProtocol);
                return next(context);
            });
        }

        app.UseAuthentication();
        app.UseAuthorization();
    }

    private static void MoveBearerToken(HttpContext context, IReadOnlyList<string> queryNames, bool webSocketProtocol)
    {
        var request = context.Request;
        if (request.Headers.Authorization.Count > 0)
        {
            return;
        }

        foreach (var name in queryNames)
        {
            if (request.Query[name].ToString() is { Length: > 0 } token)
            {
                request.Headers.Authorization = "Bearer " + token;
                return;
            }
        }

        if (!webSocketProtocol)
        {
            return;
        }

        foreach (var value in request.Headers.SecWebSocketProtocol)
        {
            foreach (var entry in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (entry.StartsWith(BearerProtocol + ".", StringComparison.Ordinal) && entry.Length > BearerProtocol.Length + 1)
                {
                    request.Headers.Authorization = "Bearer " + entry[(BearerProtocol.Length + 1)..];
                    context.Items[ProtocolItem] = BearerProtocol;
                    return;
                }
            }
        }
    }
}
