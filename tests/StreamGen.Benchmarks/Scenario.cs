namespace StreamGen.Benchmarks;

/// <summary>A connected client: reads one whole subscribe stream per call and returns how many items arrived.</summary>
internal sealed record ClientEnd(Func<CancellationToken, Task<int>> ReadAsync, IAsyncDisposable? Resources = null);

/// <summary>
/// One measured pairing of a server and a client. Server and client are separate so that a generated end can be paired
/// with a hand-written one (the --cross rows), which shows which end of a slow transport is the slow one.
/// </summary>
internal sealed class Scenario(string group, string name, Func<Workload, Task<Server>> startServer, Func<Uri, Workload, Task<ClientEnd>> connect)
    : IAsyncDisposable
{
    private Server? _server;
    private ClientEnd? _client;

    /// <summary>Group the scenario is compared within ("ws" or "grpc"); its first scenario is the baseline.</summary>
    public string Group => group;

    public string Name => name;

    public async Task StartAsync(Workload workload)
    {
        _server = await startServer(workload);
        _client = await connect(_server.Address, workload);
    }

    /// <summary>Flushes the server's HTTP layer has handed to the socket transport so far.</summary>
    public long ServerFlushes => _server!.Counters.Flushes;

    public Task<int> RunAsync(CancellationToken cancellationToken) => _client!.ReadAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_client?.Resources is { } resources)
        {
            await resources.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
