using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Protos = Acme.Logger.Protos;

namespace StreamGen.Benchmarks;

/// <summary>
/// The gRPC baseline: a hand-written grpc-dotnet service over the same proto writing each response straight to the
/// stream, read with the protoc-generated client. Each response is built per item from the item's fields, as a
/// hand-written service would build it from its own data.
/// </summary>
internal static class RawGrpc
{
    public static Task<Server> StartServerAsync(Workload workload) => Server.StartAsync(
        HttpProtocols.Http2,
        builder =>
        {
            builder.Services.AddSingleton(workload);
            builder.Services.AddGrpc();
        },
        app => app.MapGrpcService<RawLoggerGrpcService>());

    public static Task<ClientEnd> ConnectAsync(Uri server, Workload workload)
    {
        var channel = GrpcChannel.ForAddress(server);
        var client = new Protos.Logger.LoggerClient(channel);
        return Task.FromResult(new ClientEnd(cancellationToken => ReadAsync(client, workload, cancellationToken), new Disposer(channel)));
    }

    private static async Task<int> ReadAsync(Protos.Logger.LoggerClient client, Workload workload, CancellationToken cancellationToken)
    {
        using var call = client.Subscribe(new Protos.SubscribeRequest { Topic = Workload.Topic }, cancellationToken: cancellationToken);
        var received = 0;
        string? last = null;
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
            last = call.ResponseStream.Current.Message;
            received++;
        }

        return workload.Verify(received, last);
    }
}

internal sealed class RawLoggerGrpcService(Workload workload) : Protos.Logger.LoggerBase
{
    public override async Task Subscribe(Protos.SubscribeRequest request, IServerStreamWriter<Protos.SubscribeResponse> responseStream, ServerCallContext context)
    {
        var item = workload.Item;
        var count = workload.Count;
        for (var i = 0; i < count; i++)
        {
            var response = new Protos.SubscribeResponse { Timestamp = item.Timestamp, Message = item.Message };
            if (item.Topic is { } topic)
            {
                response.Topic = topic;
            }

            if (item.Level is { } level)
            {
                response.Level = (Protos.Level)level;
            }

            await responseStream.WriteAsync(response, context.CancellationToken);
        }
    }
}
