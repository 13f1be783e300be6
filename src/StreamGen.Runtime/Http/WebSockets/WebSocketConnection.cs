namespace StreamGen.Runtime;

using global::System;
using global::System.Linq;
using global::System.Net;
using global::System.Net.Http;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// An opened stream: the connection and what the upgrade response said. <see cref="ConnectAsync"/> opens it with an
/// HTTP/1.1 upgrade through the client's <see cref="HttpClient"/>, so a refusal before the upgrade still yields the
/// server's JSON error body: a <see cref="ServiceError"/> with the design error name and the HTTP status.
/// </summary>
public sealed class WebSocketConnection(WebSocketClientConnection socket, string? view, HttpResponseMessage response) : IAsyncDisposable
{
    public WebSocketClientConnection Socket { get; } = socket;

    public string? View { get; } = view;

    /// <summary>Opens a stream: the upgrade request, with the payload in its path, query and headers.</summary>
    public static async Task<WebSocketConnection> ConnectAsync(
        HttpClient client, string relativeUri, Action<HttpRequestMessage>? addHeaders, StreamGenClientOptions options, CancellationToken cancellationToken)
    {
        var uri = client.BaseAddress is null ? new Uri(relativeUri, UriKind.RelativeOrAbsolute) : new Uri(client.BaseAddress, relativeUri);
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        using var request = new HttpRequestMessage(HttpMethod.Get, uri)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("Connection", "Upgrade");
        request.Headers.TryAddWithoutValidation("Upgrade", "websocket");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Version", "13");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Key", key);
        addHeaders?.Invoke(request);

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
            {
                throw await HttpErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            }

            if (!response.Headers.TryGetValues("Sec-WebSocket-Accept", out var accept) || Enumerable.FirstOrDefault(accept) != WebSocketAcceptor.AcceptKey(key))
            {
                throw new ServiceError("protocol_error", "the server's WebSocket handshake is invalid");
            }

            var view = response.Headers.TryGetValues("Goa-View", out var views) ? Enumerable.FirstOrDefault(views) : null;
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new WebSocketConnection(new WebSocketClientConnection(stream, options.MaxMessageSize, options.KeepAliveInterval, options.KeepAliveTimeout), view, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Socket.DisposeAsync().ConfigureAwait(false);
        response.Dispose();
    }
}
