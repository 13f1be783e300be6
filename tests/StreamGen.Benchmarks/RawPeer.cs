using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StreamGen.Benchmarks;

/// <summary>
/// A WebSocket peer at the TCP level: it completes the upgrade and then does exactly what a hostile or broken peer
/// does (never reads, or resets the connection), which ClientWebSocket will not.
/// </summary>
internal sealed class RawPeer : IDisposable
{
    private readonly Socket _socket;

    private RawPeer(Socket socket) => _socket = socket;

    /// <summary>Connects, sends the upgrade for <paramref name="path"/> and reads the 101 response.</summary>
    /// <param name="receiveBuffer">Kernel receive buffer in bytes (small for a peer that never reads), or 0 for the default.</param>
    public static async Task<RawPeer> UpgradeAsync(Uri server, string path, int receiveBuffer, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBuffer > 0)
        {
            socket.ReceiveBufferSize = receiveBuffer;
        }

        await socket.ConnectAsync(IPAddress.Loopback, server.Port, cancellationToken);
        var request = $"GET {path} HTTP/1.1\r\nHost: {server.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
        var response = new StringBuilder();
        var one = new byte[1];
        while (!response.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await socket.ReceiveAsync(one, cancellationToken) == 0)
            {
                throw new InvalidOperationException($"the server closed during the upgrade: {response}");
            }

            response.Append((char)one[0]);
        }

        if (!response.ToString().StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"upgrade refused: {response.ToString().Split('\r')[0]}");
        }

        return new RawPeer(socket);
    }

    /// <summary>Resets the connection (RST, no close frame, no FIN): a peer that vanished.</summary>
    public void Reset()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    public void Dispose() => _socket.Dispose();
}
