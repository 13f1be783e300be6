using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StreamGen.E2E.Tests.Support;

/// <summary>
/// A generated server on Kestrel in this process, on free loopback ports, configured the way the generated host reads
/// configuration (<c>--Http:Port</c>, <c>--Grpc:Port</c>). Logs go to the test output when one is given.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
    }

    public int HttpPort { get; }

    public int GrpcPort { get; }

    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}/");

    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}/");

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts a server: <paramref name="add"/> calls the generated Add…Server, <paramref name="map"/> Map…Server.</summary>
    public static async Task<TestServer> StartAsync(
        Action<WebApplicationBuilder> add, Action<WebApplication> map, Action<IServiceCollection> services, IEnumerable<string>? extraArgs = null)
    {
        var httpPort = FreePort.Next();
        var grpcPort = FreePort.Next();
        while (grpcPort == httpPort)
        {
            // The OS may hand the same free port out twice in a row; the host refuses one port for both transports.
            grpcPort = FreePort.Next();
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [$"--Http:Port={httpPort}", $"--Grpc:Port={grpcPort}", "--Http:Host=127.0.0.1", "--Grpc:Host=127.0.0.1", .. extraArgs ?? []],
        });
        add(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(TestLog.Provider);
        services(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new TestServer(app, httpPort, grpcPort);
    }

    /// <summary>Stops the server the way SIGTERM does (open streams get 1001).</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
