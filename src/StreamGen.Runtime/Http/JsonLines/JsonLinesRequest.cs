namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.Net.Http;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The HTTP side of a client stream sent as a JSON Lines request body: one request (<c>POST</c>, or the design's verb)
/// whose chunked <c>application/x-ndjson</c> body is written line by line while it is in flight, and whose response is
/// the result. It asks for <c>100 Continue</c>, so an error the server raises before reading (a bad payload, a refused
/// credential, too many streams) is the open call's error, as a refused WebSocket upgrade is. An error after that (a
/// refused line) ends the request early: the next send, or the close, throws the server's error.
/// </summary>
public sealed class JsonLinesRequest : IAsyncDisposable
{
    private readonly JsonLinesRequestContent _content;
    private readonly Task<HttpResponseMessage> _response;
    private readonly CancellationTokenSource _abort;
    private bool _closed;

    private JsonLinesRequest(JsonLinesRequestContent content, Task<HttpResponseMessage> response, CancellationTokenSource abort, Stream body, StreamGenClientOptions options)
    {
        _content = content;
        _response = response;
        _abort = abort;
        Body = body;
        Options = options;
    }

    /// <summary>The request body, once the server asked for it.</summary>
    public Stream Body { get; }

    internal StreamGenClientOptions Options { get; }

    /// <summary>The server has already answered (it refused a line, or ended the stream without reading all of it).</summary>
    public bool HasResponse => _response.IsCompleted;

    /// <summary>Sends the request's headers and returns once the server is ready for the body.</summary>
    public static async Task<JsonLinesRequest> OpenAsync(
        HttpClient client, HttpMethod method, string relativeUri, Action<HttpRequestMessage>? addHeaders, StreamGenClientOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var content = new JsonLinesRequestContent();
        var request = new HttpRequestMessage(method, relativeUri) { Content = content };
        request.Headers.ExpectContinue = true;
        request.Headers.Accept.ParseAdd("application/json");
        addHeaders?.Invoke(request);
        var abort = new CancellationTokenSource();
        var response = SendAsync(client, request, abort.Token);
        try
        {
            using (cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), abort))
            {
                if (await Task.WhenAny(content.Body, response).ConfigureAwait(false) == response)
                {
                    // Answered before the body was asked for: an error (a success would be a server that reads nothing).
                    using var early = await response.ConfigureAwait(false);
                    throw early.IsSuccessStatusCode
                        ? new StreamClosedException(null, "stream_closed", $"the server answered {(int)early.StatusCode} before reading the stream")
                        : await HttpErrors.ReadAsync(early, cancellationToken).ConfigureAwait(false);
                }
            }

            return new JsonLinesRequest(content, response, abort, await content.Body.ConfigureAwait(false), options ?? new StreamGenClientOptions());
        }
        catch
        {
            await abort.CancelAsync().ConfigureAwait(false);
            content.Abandon();
            abort.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The error that explains a failed write: the server's answer when it has refused the stream (Goa's error body),
    /// else the connection lost.
    /// </summary>
    public async Task<Exception> FailureAsync(Exception writeError, CancellationToken cancellationToken)
    {
        try
        {
            // A server that refused a line answers and closes; the answer may still be on its way when the write fails.
            var response = await _response.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await HttpErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // No answer: the connection itself failed.
        }

        return new StreamClosedException(null, "connection_lost", "the connection was lost before the end of the stream", writeError);
    }

    /// <summary>Ends the body and returns the server's successful response; an error response is thrown as its <see cref="ServiceError"/>.</summary>
    public async Task<HttpResponseMessage> CloseAsync(CancellationToken cancellationToken)
    {
        _closed = true;
        _content.Complete();
        HttpResponseMessage response;
        try
        {
            response = await _response.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new StreamClosedException(null, "connection_lost", "the connection was lost before the server's answer", e);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await HttpErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Abandons the request unless it was closed: the server's token is canceled, as for a client that left.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_closed || !_response.IsCompleted)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            _content.Abandon();
        }

        try
        {
            (await _response.ConfigureAwait(false)).Dispose();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            // Aborted, or already failed: nothing to release.
        }

        _content.Dispose();
        _abort.Dispose();
    }
}
