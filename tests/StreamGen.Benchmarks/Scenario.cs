namespace StreamGen.Benchmarks;

/// <summary>A connected client: reads one whole subscribe stream per call and returns how many items arrived.</summary>
internal sealed record ClientEnd(Func<CancellationToken, Task<int>> ReadAsync, IAsyncDisposable? Resources = null);

/// <summary>
/// One measured pairing of a server and a client. Server and client are separate so that a generated end can be paired
/// with a hand-written one (the --cross rows), which shows which end of a slow transport is the slow one.
/// </summary>
internal sealed class Scenario : IAsyncDisposable
{
    private readonly Func<Workload, Task<Server>>? _startServer;
    private readonly Func<Uri?, Workload, Task<ClientEnd>> _connect;
    private Server? _server;
    private ClientEnd? _client;

    public Scenario(string group, string name, Func<Workload, Task<Server>> startServer, Func<Uri, Workload, Task<ClientEnd>> connect)
        : this(group, name, startServer, (Uri? address, Workload workload) => connect(address!, workload), hasServer: true)
    {
    }

    private Scenario(string group, string name, Func<Workload, Task<Server>>? startServer, Func<Uri?, Workload, Task<ClientEnd>> connect, bool hasServer)
    {
        Group = group;
        Name = name;
        _startServer = hasServer ? startServer : null;
        _connect = connect;
    }

    /// <summary>A subject with no server, measured in the same rounds as the transports (the JSON floor).</summary>
    public static Scenario Local(string group, string name, Func<Workload, ClientEnd> client) =>
        new(group, name, null, (_, workload) => Task.FromResult(client(workload)), hasServer: false);

    /// <summary>Group the scenario is compared within ("ws" or "grpc"); its first scenario is the baseline.</summary>
    public string Group { get; }

    public string Name { get; }

    public async Task StartAsync(Workload workload)
    {
        _server = _startServer is null ? null : await _startServer(workload);
        _client = await _connect(_server?.Address, workload);
    }

    /// <summary>Flushes the server's HTTP layer has handed to the socket transport so far (none without a server).</summary>
    public long ServerFlushes => _server?.Counters.Flushes ?? 0;

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
