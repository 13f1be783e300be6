namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.Linq;
using global::System.Net.Http;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The HTTP side of a JSON Lines client stream: the <c>application/x-ndjson</c> response of a server stream's route,
/// asked for with <c>Accept</c>. A non-success response is its <see cref="ServiceError"/>; a response in another
/// media type (a server that ignores the framing) is <c>bad_content_type</c>. It is not reopened after a drop: JSON
/// Lines carry no resume point (Server-Sent Events do).
/// </summary>
public sealed class JsonLinesConnection : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    private JsonLinesConnection(HttpResponseMessage response, Stream body, StreamGenClientOptions options)
    {
        _response = response;
        Body = body;
        Options = options;
        ViewName = response.Headers.TryGetValues("Goa-View", out var views) ? views.FirstOrDefault() : null;
    }

    /// <summary>The response body.</summary>
    public Stream Body { get; }

    /// <summary>The view the response named (<c>Goa-View</c>), if any.</summary>
    public string? ViewName { get; }

    internal StreamGenClientOptions Options { get; }

    /// <summary>Sends the request and returns once the response's headers arrived.</summary>
    public static async Task<JsonLinesConnection> OpenAsync(
        HttpClient client, string relativeUri, Action<HttpRequestMessage>? addHeaders, StreamGenClientOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, relativeUri);
        request.Headers.Accept.ParseAdd(JsonLinesWriter.MediaType);
        addHeaders?.Invoke(request);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await HttpErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            }

            if (response.Content.Headers.ContentType?.MediaType is not JsonLinesWriter.MediaType)
            {
                throw new HttpServiceError((int)response.StatusCode, "bad_content_type", $"the server answered {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not {JsonLinesWriter.MediaType}");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new JsonLinesConnection(response, body, options ?? new StreamGenClientOptions());
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Body.Dispose();
        _response.Dispose();
        return default;
    }
}
