using StreamGen.E2E.Tests.Support;
using Acme.Logger;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.E2E.Tests.Logger;

/// <summary>The logger example's service, served by its generated host on free ports, with a client per transport.</summary>
public sealed class LoggerServerFixture : IAsyncLifetime
{
    private readonly List<IDisposable> _disposables = [];

    public TestServer Server { get; private set; } = null!;

    /// <summary>The API key publish and upload accept (configuration Logger:ApiKeys).</summary>
    public const string ApiKey = "e2e-logger-key";

    public Observations Observations { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync(
            builder => builder.AddLoggerServer(),
            app => app.MapLoggerServer(),
            services =>
            {
                services.AddMemoryLogBus();
                services.AddSingleton<LoggerService>();
                services.AddSingleton(Observations);
                services.AddSingleton<ILoggerService, ObservingLoggerService>();
                services.AddSingleton<ILoggerServerInterceptors, LoggerServerInterceptors>();
                services.AddSingleton<LoggerApiKeys>();
                services.Configure<Acme.Logger.Runtime.StreamGenWebSocketOptions>(options => options.MaxMessageSize = 64 * 1024);
            },
            [$"--Logger:ApiKeys:0={ApiKey}"]);
    }

    /// <summary>A client of the transport, over the generated client classes: the same interface for both.</summary>
    public ILoggerClient Client(Transport transport) => Client(transport, Acme.Logger.Runtime.ClientCredentials.Key(ApiKey));

    /// <summary>A client that sends <paramref name="credentials"/> (none: null) to the methods that require them.</summary>
    public ILoggerClient Client(Transport transport, Acme.Logger.Runtime.ClientCredentials? credentials)
    {
        if (transport == Transport.WebSocket)
        {
            var http = new HttpClient { BaseAddress = Server.HttpAddress };
            _disposables.Add(http);
            return new LoggerHttpClient(http, new Acme.Logger.Runtime.StreamGenClientOptions { Credentials = credentials });
        }

        var channel = GrpcChannel.ForAddress(Server.GrpcAddress);
        _disposables.Add(channel);
        return new LoggerGrpcClient(channel, credentials: credentials);
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        await Server.DisposeAsync();
    }
}
