using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StreamGen.Runtime.Tests.Redis;

/// <summary>
/// A real redis-server on a free loopback port, persistence off (<c>--save '' --appendonly no</c>), killed when disposed.
/// `.ci/run` installs redis-server from the system's packages when it is missing; without it these tests fail, saying so.
/// Shared with the end-to-end tests (linked there).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for it (as the logger's Logger:Redis takes).</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort());
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Kills it (as a crash would) and starts it again on the same port, empty: persistence is off.</summary>
    public async Task RestartAsync(TimeSpan? down = null)
    {
        Kill();
        await Task.Delay(down ?? TimeSpan.Zero);
        await StartProcessAsync();
    }

    /// <summary>Kills it; <see cref="StartAgainAsync"/> brings it back (empty).</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    public Task StartAgainAsync() => StartProcessAsync();

    /// <summary>Stops it without closing its connections (SIGSTOP): clients see it unreachable, and nothing is lost.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>Resumes it after <see cref="Freeze"/> (SIGCONT).</summary>
    public void Thaw() => Signal("CONT");

    public async ValueTask DisposeAsync()
    {
        Thaw();
        Kill();
        _process?.Dispose();
        await Task.CompletedTask;
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is not installed: `.ci/run` installs it (apt-get install -y redis-server); these tests need a real Redis", e);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[7];
                var read = await stream.ReadAsync(buffer);
                if (read > 0 && buffer[0] == (byte)'+')
                {
                    return;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not start on port {Port}");
            }

            await Task.Delay(50);
        }
    }

    private void Signal(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
