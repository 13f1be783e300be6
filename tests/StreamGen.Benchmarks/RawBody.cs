namespace StreamGen.Benchmarks;

/// <summary>The byte pumps both raw-body subjects share, so generated and hand-written ends do the same work.</summary>
internal static class RawBody
{
    /// <summary>One 64 KiB chunk of NDJSON lines, written over and over.</summary>
    private static readonly byte[] Chunk = CreateChunk();

    public static async Task<long> DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }

    public static async Task FillAsync(Stream body, long bytes, CancellationToken cancellationToken)
    {
        for (long written = 0; written < bytes; written += Chunk.Length)
        {
            await body.WriteAsync(Chunk.AsMemory(0, (int)Math.Min(Chunk.Length, bytes - written)), cancellationToken);
        }
    }

    private static byte[] CreateChunk()
    {
        var line = "{\"message\":\"an archived entry of about a hundred bytes, as the upload route takes them\",\"level\":\"info\"}\n"u8;
        var chunk = new byte[64 * 1024];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = line[i % line.Length];
        }

        return chunk;
    }

    /// <summary>A read-only stream of <paramref name="bytes"/> NDJSON bytes that allocates nothing per read: the upload's body.</summary>
    public static Stream Source(long bytes) => new ChunkStream(bytes);

    private sealed class ChunkStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var offset = (int)(_position % Chunk.Length);
            var count = (int)Math.Min(Math.Min(buffer.Length, Chunk.Length - offset), length - _position);
            Chunk.AsSpan(offset, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
