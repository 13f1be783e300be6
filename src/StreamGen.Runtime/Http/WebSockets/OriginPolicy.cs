namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// Which browser origins may open a stream (a defense against cross-site WebSocket hijacking: browsers send
/// <c>Origin</c> and let any page open a WebSocket to any server). Allowed: requests without <c>Origin</c> (not from a
/// browser page), the server's own origin (same host and port), loopback origins (<c>localhost</c>, <c>127.0.0.1</c>,
/// <c>[::1]</c>), and the origins of <see cref="StreamGenWebSocketOptions.AllowedOrigins"/> (<c>*</c> allows all).
/// </summary>
public static class OriginPolicy
{
    public static bool Allows(HttpContext context, IReadOnlyCollection<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        foreach (var allowed in allowedOrigins)
        {
            if (allowed == "*" || string.Equals(allowed.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
