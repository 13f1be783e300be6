using Acme.Logger;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace StreamGen.Benchmarks;

/// <summary>The generated gRPC transport: LoggerGrpcService over BenchLoggerService, and LoggerGrpcClient.</summary>
internal static class GeneratedGrpc
{
    public static Task<Server> StartServerAsync(Workload workload) => Server.StartAsync(
        HttpProtocols.Http2,
        builder =>
        {
            builder.Services.AddSingleton<ILoggerService>(new BenchLoggerService(workload));
            builder.Services.AddGrpc();
        },
        app => app.MapGrpcService<LoggerGrpcService>());

    public static Task<ClientEnd> ConnectAsync(Uri server, Workload workload)
    {
        var channel = GrpcChannel.ForAddress(server);
        var client = new LoggerGrpcClient(channel);
        return Task.FromResult(new ClientEnd(cancellationToken => GeneratedClient.ReadAsync(client, workload, cancellationToken), new Disposer(channel)));
    }
}
