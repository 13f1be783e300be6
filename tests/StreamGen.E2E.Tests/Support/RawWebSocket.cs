using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace StreamGen.E2E.Tests.Support;

/// <summary>
/// A WebSocket client over a plain TCP connection the test controls: a small receive buffer (so a client that stops
/// reading stalls the server quickly), raw bytes on the wire (frames no well-behaved client would send), and an abrupt
/// reset. After the handshake, <see cref="Socket"/> reads and writes frames the ordinary way.
/// </summary>
public sealed class RawWebSocket : IAsyncDisposable
{
    private readonly TcpClient _tcp;

    private RawWebSocket(TcpClient tcp, NetworkStream stream, string response)
    {
        _tcp = tcp;
        Stream = stream;
        Response = response;
        Socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
    }

    public NetworkStream Stream { get; }

    /// <summary>The server's handshake response (status line and headers).</summary>
    public string Response { get; }

    public WebSocket Socket { get; }

    /// <summary>Connects and upgrades; the handshake response must be 101.</summary>
    public static async Task<RawWebSocket> ConnectAsync(int port, string pathAndQuery, int receiveBufferSize = 0, string? origin = null)
    {
        var tcp = new TcpClient();
        if (receiveBufferSize > 0)
        {
            tcp.ReceiveBufferSize = receiveBufferSize;
        }

        await tcp.ConnectAsync("127.0.0.1", port);
        var stream = tcp.GetStream();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = $"GET {pathAndQuery} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            + $"X-API-Key: {Logger.LoggerServerFixture.ApiKey}\r\n" // authorized: what these peers test is framing, not credentials
            + (origin is null ? "" : $"Origin: {origin}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var response = await ReadHeadAsync(stream);
        if (!response.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            tcp.Dispose();
            throw new InvalidOperationException($"The upgrade was refused: {response}");
        }

        return new RawWebSocket(tcp, stream, response);
    }

    /// <summary>Sends one client frame (masked, as RFC 6455 requires) with any opcode and FIN bit, and these payload bytes.</summary>
    public async Task SendFrameAsync(int opcode, ReadOnlyMemory<byte> payload, bool fin = true)
    {
        var header = new List<byte> { (byte)((fin ? 0x80 : 0) | opcode) };
        if (payload.Length <= 125)
        {
            header.Add((byte)(0x80 | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            header.AddRange([0x80 | 126, (byte)(payload.Length >> 8), (byte)payload.Length]);
        }
        else
        {
            header.Add(0x80 | 127);
            header.AddRange(BitConverter.GetBytes((ulong)payload.Length).Reverse());
        }

        var mask = RandomNumberGenerator.GetBytes(4);
        header.AddRange(mask);
        var masked = payload.ToArray();
        for (var i = 0; i < masked.Length; i++)
        {
            masked[i] ^= mask[i % 4];
        }

        await Stream.WriteAsync(header.ToArray());
        await Stream.WriteAsync(masked);
    }

    /// <summary>Reads until the server's close frame, discarding messages; returns its status and reason, or null when the connection ended without one.</summary>
    public async Task<(WebSocketCloseStatus? Status, string? Reason, int Messages)> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        var buffer = new byte[64 * 1024];
        var messages = 0;
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer, cancel.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (result.CloseStatus, result.CloseStatusDescription, messages);
                }

                messages += result.EndOfMessage ? 1 : 0;
            }
        }
        catch (WebSocketException)
        {
            return (null, null, messages);
        }
    }

    /// <summary>Drops the connection with a TCP reset (no close frame, no FIN).</summary>
    public void Reset()
    {
        _tcp.Client.LingerState = new LingerOption(true, 0);
        _tcp.Client.Close();
    }

    public ValueTask DisposeAsync()
    {
        Socket.Dispose();
        _tcp.Dispose();
        return default;
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
