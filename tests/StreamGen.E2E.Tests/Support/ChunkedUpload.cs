using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StreamGen.E2E.Tests.Support;

/// <summary>
/// A chunked request body sent as curl sends one (<c>curl -T -</c>: <c>Transfer-Encoding: chunked</c>), over a raw socket
/// whose response is read while the body is still being written, so a test sees an answer that comes before the end of
/// the body, as curl does ("HTTP error before end of send, stop sending"). HttpClient cannot: it reports a response only
/// once its request body has ended.
/// </summary>
public sealed class ChunkedUpload : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private ChunkedUpload(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        Response = ReadResponseAsync();
    }

    /// <summary>The server's answer: its status, headers (names in lower case) and body, dechunked.</summary>
    public Task<(int Status, IReadOnlyDictionary<string, string> Headers, string Body)> Response { get; }

    /// <summary>Connects and sends the request line and headers (<c>Content-Type: application/x-ndjson</c> unless given).</summary>
    public static async Task<ChunkedUpload> StartAsync(int port, string method, string path, IReadOnlyDictionary<string, string>? headers = null)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var upload = new ChunkedUpload(client);
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nTransfer-Encoding: chunked\r\n");
        var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        all.TryAdd("Content-Type", "application/x-ndjson");
        foreach (var (name, value) in all)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        await upload._stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        return upload;
    }

    /// <summary>Sends <paramref name="text"/> as one chunk.</summary>
    public async Task SendAsync(string text)
    {
        var data = Encoding.UTF8.GetBytes(text);
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(data.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
        await _stream.WriteAsync(data);
        await _stream.WriteAsync("\r\n"u8.ToArray());
        await _stream.FlushAsync();
    }

    /// <summary>Ends the body (the last, empty chunk).</summary>
    public async Task EndAsync() => await _stream.WriteAsync("0\r\n\r\n"u8.ToArray());

    /// <summary>Drops the connection without ending the body (a reset, as a killed curl's).</summary>
    public void Abort()
    {
        _client.Client.LingerState = new LingerOption(true, 0);
        _client.Close();
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return default;
    }

    private async Task<(int, IReadOnlyDictionary<string, string>, string)> ReadResponseAsync()
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        async Task<bool> MoreAsync()
        {
            var read = await _stream.ReadAsync(chunk);
            buffer.AddRange(chunk.AsSpan(0, read));
            return read > 0;
        }

        int headEnd;
        while ((headEnd = IndexOf(buffer, "\r\n\r\n"u8, 0)) < 0)
        {
            if (!await MoreAsync())
            {
                throw new IOException("the connection closed before a response");
            }
        }

        var lines = Encoding.ASCII.GetString(buffer.GetRange(0, headEnd).ToArray()).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var position = headEnd + 4;
        var body = new List<byte>();
        if (headers.TryGetValue("content-length", out var length))
        {
            var size = int.Parse(length, CultureInfo.InvariantCulture);
            while (buffer.Count < position + size && await MoreAsync())
            {
            }

            body.AddRange(buffer.GetRange(position, Math.Min(size, buffer.Count - position)));
        }
        else if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                int lineEnd;
                while ((lineEnd = IndexOf(buffer, "\r\n"u8, position)) < 0)
                {
                    if (!await MoreAsync())
                    {
                        throw new IOException("the connection closed inside the response body");
                    }
                }

                var size = int.Parse(Encoding.ASCII.GetString(buffer.GetRange(position, lineEnd - position).ToArray()).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                position = lineEnd + 2;
                if (size == 0)
                {
                    break;
                }

                while (buffer.Count < position + size + 2)
                {
                    if (!await MoreAsync())
                    {
                        throw new IOException("the connection closed inside a chunk");
                    }
                }

                body.AddRange(buffer.GetRange(position, size));
                position += size + 2;
            }
        }

        return (status, headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    private static int IndexOf(List<byte> buffer, ReadOnlySpan<byte> value, int start)
    {
        for (var i = start; i + value.Length <= buffer.Count; i++)
        {
            var match = true;
            for (var j = 0; j < value.Length && match; j++)
            {
                match = buffer[i + j] == value[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
