using Acme.Logger;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace StreamGen.Benchmarks;

/// <summary>The generated WebSocket transport: LoggerHttpEndpoints serving BenchLoggerService, and LoggerHttpClient.</summary>
internal static class GeneratedWebSocket
{
    // Mapped as the generated host maps it: no UseWebSockets, the generated endpoint does its own handshake.
    public static Task<Server> StartServerAsync(Workload workload) =>
        Server.StartAsync(HttpProtocols.Http1, _ => { }, app => app.MapLogger(new BenchLoggerService(workload)));

    public static Task<ClientEnd> ConnectAsync(Uri server, Workload workload)
    {
        var http = new HttpClient { BaseAddress = server };
        var client = new LoggerHttpClient(http);
        return Task.FromResult(new ClientEnd(cancellationToken => GeneratedClient.ReadAsync(client, workload, cancellationToken), new Disposer(http)));
    }
}
