namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.Net.Http;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>A raw response body handed to the caller: disposing it releases the response (and its connection).</summary>
public sealed class ResponseBodyStream(HttpResponseMessage response, Stream inner) : Stream
{
    /// <summary>The response's status and headers.</summary>
    public HttpResponseMessage Response { get; } = response;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            Response.Dispose();
        }

        base.Dispose(disposing);
    }
}
