using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace StreamGen.Benchmarks;

/// <summary>An in-process Kestrel server on a free loopback port, one per scenario so baselines never share routes.</summary>
internal sealed class Server : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Server(WebApplication app, Uri address, TransportCounters counters)
    {
        _app = app;
        Address = address;
        Counters = counters;
    }

    public Uri Address { get; }

    public TransportCounters Counters { get; }

    public static async Task<Server> StartAsync(HttpProtocols protocols, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var counters = new TransportCounters();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = protocols;
            listen.Use(next => connection =>
            {
                counters.Wrap(connection);
                return next(connection);
            });
        }));
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Server(app, new Uri(address), counters);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
