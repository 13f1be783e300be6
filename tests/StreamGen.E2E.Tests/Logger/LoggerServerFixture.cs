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

    public Observations Observations { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync(
            builder => builder.AddLoggerServer(),
            app => app.MapLoggerServer(),
            services =>
            {
                services.AddSingleton<LogBus>();
                services.AddSingleton<LoggerService>();
                services.AddSingleton(Observations);
                services.AddSingleton<ILoggerService, ObservingLoggerService>();
                services.Configure<Acme.Logger.Runtime.StreamGenWebSocketOptions>(options => options.MaxMessageSize = 64 * 1024);
            });
    }

    /// <summary>A client of the transport, over the generated client classes: the same interface for both.</summary>
    public ILoggerClient Client(Transport transport)
    {
        if (transport == Transport.WebSocket)
        {
            var http = new HttpClient { BaseAddress = Server.HttpAddress };
            _disposables.Add(http);
            return new LoggerHttpClient(http);
        }

        var channel = GrpcChannel.ForAddress(Server.GrpcAddress);
        _disposables.Add(channel);
        return new LoggerGrpcClient(channel);
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
