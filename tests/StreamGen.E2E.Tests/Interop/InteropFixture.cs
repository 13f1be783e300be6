using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using StreamGen.E2E.Tests.Support;
using StreamGen.Interop;

namespace StreamGen.E2E.Tests.Interop;

public sealed class InteropFixture : IAsyncLifetime
{
    private readonly List<IDisposable> _disposables = [];

    public TestServer Server { get; private set; } = null!;

    public Observations Observations { get; } = new();

    public async Task InitializeAsync() =>
        Server = await TestServer.StartAsync(
            builder => builder.AddInteropServer(),
            app => app.MapInteropServer(),
            services => services.AddSingleton(Observations).AddSingleton<ITestService, InteropService>());

    /// <summary>A client over <paramref name="transport"/>; <paramref name="timeout"/> is the gRPC deadline, or the HTTP client's timeout.</summary>
    public ITestClient Client(Transport transport, TimeSpan? timeout = null)
    {
        if (transport == Transport.WebSocket)
        {
            var http = new HttpClient { BaseAddress = Server.HttpAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
            _disposables.Add(http);
            return new TestHttpClient(http);
        }

        var channel = GrpcChannel.ForAddress(Server.GrpcAddress, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
        _disposables.Add(channel);
        return new TestGrpcClient(channel, timeout);
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
