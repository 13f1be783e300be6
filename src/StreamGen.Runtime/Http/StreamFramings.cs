namespace StreamGen.Runtime;

using global::System;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.Net.Http.Headers;

/// <summary>
/// Which framing a request to a server stream's route gets when the route offers several (Goa's one route for several
/// encodings, chosen by the request): a WebSocket upgrade is answered as a WebSocket; otherwise the <c>Accept</c> header
/// decides between <c>text/event-stream</c> and JSON Lines (<c>application/x-ndjson</c>, or <c>application/jsonl</c>) by
/// quality, a tie or no preference (<c>*/*</c>, no header: a browser's <c>EventSource</c>, a plain <c>curl</c>) going to
/// Server-Sent Events, the route's default.
/// </summary>
public static class StreamFramings
{
    /// <summary>The framing for <paramref name="context"/>'s request.</summary>
    public static StreamFraming Select(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (WebSocketAcceptor.IsWebSocketRequest(context))
        {
            return StreamFraming.WebSocket;
        }

        double events = 0, lines = 0;
        foreach (var accepted in context.Request.GetTypedHeaders().Accept)
        {
            var quality = accepted.Quality ?? 1;
            var type = accepted.MediaType.Value;
            if (string.Equals(type, "text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                events = Math.Max(events, quality);
            }
            else if (string.Equals(type, JsonLinesWriter.MediaType, StringComparison.OrdinalIgnoreCase)
                || string.Equals(type, "application/jsonl", StringComparison.OrdinalIgnoreCase))
            {
                lines = Math.Max(lines, quality);
            }
        }

        return lines > events ? StreamFraming.JsonLines : StreamFraming.ServerSentEvents;
    }
}
