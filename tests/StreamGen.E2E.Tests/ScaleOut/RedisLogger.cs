using Acme.Logger;
using Acme.Logger.Runtime;
using Grpc.Net.Client;
using StreamGen.E2E.Tests.Support;
using StreamGen.Runtime.Tests.Redis;

namespace StreamGen.E2E.Tests.ScaleOut;

/// <summary>
/// One instance of the logger example as a real process on the Redis bus (<c>--Logger:Bus=redis</c>), with clients of
/// both transports; it can be killed (SIGKILL) and started again on the same ports.
/// </summary>
public sealed class RedisLogger : IAsyncDisposable
{
    public const string ApiKey = "scale-out-key";
    private readonly string _redis;
    private readonly string[] _extra;
    private readonly List<IDisposable> _clients = [];
    private bool _running;

    private RedisLogger(string redis, string[] extra)
    {
        _redis = redis;
        _extra = extra;
    }

    public ExampleProcess Process { get; private set; } = null!;

    public int HttpPort { get; private set; }

    public int GrpcPort { get; private set; }

    /// <summary>Starts an instance on <paramref name="redis"/> (a configuration string); <paramref name="extra"/> adds arguments.</summary>
    public static async Task<RedisLogger> StartAsync(string redis, params string[] extra)
    {
        var logger = new RedisLogger(redis, extra);
        for (var attempt = 1; ; attempt++)
        {
            // A free port can be taken by another test between the pick and the bind: pick again then.
            (logger.HttpPort, logger.GrpcPort) = (FreePort.Next(), FreePort.Next());
            logger.Start();
            if (await logger.Process.WaitForExitOrOutputAsync($"listening on http://localhost:{logger.GrpcPort}", TimeSpan.FromSeconds(60)) || attempt == 3)
            {
                break;
            }

            await logger.Process.DisposeAsync();
        }

        await logger.Process.WaitForOutputAsync($"listening on http://localhost:{logger.GrpcPort}", TimeSpan.FromSeconds(60));
        return logger;
    }

    public static Task<RedisLogger[]> StartAsync(int count, string redis, params string[] extra) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => StartAsync(redis, extra)));

    /// <summary>Starts the process (again, after <see cref="KillAsync"/>) and waits until both ports listen.</summary>
    public async Task StartAgainAsync()
    {
        Start();
        await Process.WaitForOutputAsync($"listening on http://localhost:{GrpcPort}", TimeSpan.FromSeconds(60));
    }

    private void Start()
    {
        Process = ExampleProcess.Start(
        [
            $"--Http:Port={HttpPort}", $"--Grpc:Port={GrpcPort}", "--Logger:Bus=redis", $"--Logger:Redis={_redis}",
            $"--Logger:ApiKeys:0={ApiKey}", .. _extra,
        ]);
        _running = true;
    }

    /// <summary>SIGKILL: no shutdown, no flush; whatever it acknowledged must already be in Redis.</summary>
    public async Task KillAsync()
    {
        _running = false;
        await Process.DisposeAsync();
    }

    /// <summary>A client of the HTTP transport (WebSockets, SSE, JSON) of this instance, or of <paramref name="address"/>.</summary>
    public LoggerHttpClient Http(Uri? address = null, StreamGenClientOptions? options = null)
    {
        var http = new HttpClient { BaseAddress = address ?? new Uri($"http://127.0.0.1:{HttpPort}/") };
        _clients.Add(http);
        options ??= new StreamGenClientOptions();
        options.Credentials ??= ClientCredentials.Key(ApiKey);
        return new LoggerHttpClient(http, options);
    }

    /// <summary>A client of the gRPC transport of this instance, or of <paramref name="address"/>.</summary>
    public LoggerGrpcClient Grpc(Uri? address = null)
    {
        var channel = GrpcChannel.ForAddress(address ?? new Uri($"http://127.0.0.1:{GrpcPort}/"));
        _clients.Add(channel);
        return new LoggerGrpcClient(channel, credentials: ClientCredentials.Key(ApiKey));
    }

    /// <summary>Lines of its output that contain <paramref name="text"/>.</summary>
    public int LinesContaining(string text) => Process.Output.Count(line => line.Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        if (_running)
        {
            await KillAsync();
        }
    }
}
