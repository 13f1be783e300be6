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

    /// <summary>Sends <paramref name="count"/> requests built from the entry, completes, and returns the response's count.</summary>
    public static async Task<long> PublishAsync(Protos.Logger.LoggerClient client, Acme.Logger.LogEntry entry, int count, CancellationToken cancellationToken)
    {
        using var call = client.Publish(cancellationToken: cancellationToken);
        for (var i = 0; i < count; i++)
        {
            await call.RequestStream.WriteAsync(new Protos.PublishRequest { Topic = entry.Topic, Message = entry.Message, Level = (Protos.Level)entry.Level }, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        return (await call.ResponseAsync).Count;
    }

    /// <summary>A connected `watch` call that times one request → response round trip per call.</summary>
    public static RoundTrip Watch(Protos.Logger.LoggerClient client, CancellationToken cancellationToken)
    {
        var call = client.Watch(cancellationToken: cancellationToken);
        return new RoundTrip(
            async (update, token) =>
            {
                await call.RequestStream.WriteAsync(new Protos.WatchRequest { Action = (Protos.FilterUpdateAction)update.Action, Topic = update.Topic }, token);
                if (!await call.ResponseStream.MoveNext(token))
                {
                    throw new InvalidOperationException("the watch ended early");
                }

                var response = call.ResponseStream.Current;
                return new Acme.Logger.LogRecord { Id = response.Id, Timestamp = response.Timestamp, Topic = response.Topic, Message = response.Message };
            },
            async () =>
            {
                await call.RequestStream.CompleteAsync();
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                }

                call.Dispose();
            });
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

    /// <summary>Counts the requests until the client completes its stream.</summary>
    public override async Task<Protos.PublishResponse> Publish(IAsyncStreamReader<Protos.PublishRequest> requestStream, ServerCallContext context)
    {
        long count = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            count++;
        }

        return new Protos.PublishResponse { Count = count, Dropped = 0 };
    }

    /// <summary>Ping-pong: answers every request with one response built from the workload's item.</summary>
    public override async Task Watch(IAsyncStreamReader<Protos.WatchRequest> requestStream, IServerStreamWriter<Protos.WatchResponse> responseStream, ServerCallContext context)
    {
        long id = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var item = workload.Item;
            var response = new Protos.WatchResponse { Id = (++id).ToString(System.Globalization.CultureInfo.InvariantCulture), Timestamp = item.Timestamp, Message = item.Message };
            if (item.Topic is { } topic)
            {
                response.Topic = topic;
            }

            await responseStream.WriteAsync(response, context.CancellationToken);
        }
    }
}
