namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.Net;
using global::System.Net.Http;
using global::System.Net.Http.Headers;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// A request body written while the request is in flight: <see cref="HttpClient"/> hands over the request stream when
/// it starts sending the body (after <c>100 Continue</c>, for a request that expects it), the caller writes to it, and the
/// body ends (the last chunk) when <see cref="Complete"/> is called. Its length is unknown, so HTTP/1.1 sends it chunked.
/// </summary>
public sealed class JsonLinesRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _body = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public JsonLinesRequestContent() => Headers.ContentType = new MediaTypeHeaderValue(JsonLinesWriter.MediaType);

    /// <summary>The request stream, once the handler starts sending the body.</summary>
    public Task<Stream> Body => _body.Task;

    /// <summary>Ends the body: the handler sends its last chunk.</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>Abandons the body (the call is being aborted).</summary>
    public void Abandon() => _completed.TrySetCanceled();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (!_body.TrySetResult(stream))
        {
            throw new InvalidOperationException("A JSON Lines request body is sent once; it cannot be retried.");
        }

        await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Abandon();
        }

        base.Dispose(disposing);
    }
}
