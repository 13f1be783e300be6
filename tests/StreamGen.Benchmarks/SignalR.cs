using System.Runtime.CompilerServices;
using Acme.Logger;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace StreamGen.Benchmarks;

/// <summary>
/// Baseline B: SignalR server-to-client streaming (a hub method returning IAsyncEnumerable, read with StreamAsync) over
/// WebSockets with the JSON hub protocol, whose payloads resolve through the same source-generated context. One
/// connection is opened up front and each run is one stream invocation on it, which is how SignalR is used (the other
/// scenarios pay a WebSocket handshake per stream instead; at these counts that is noise).
/// </summary>
internal static class SignalR
{
    public static Task<Server> StartServerAsync(Workload workload) => Server.StartAsync(
        HttpProtocols.Http1,
        builder =>
        {
            builder.Services.AddSingleton(workload);
            builder.Services.AddSignalR()
                .AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, LoggerJsonContext.Default));
        },
        app =>
        {
            app.UseWebSockets();
            app.MapHub<LogHub>("/hub");
        });

    public static async Task<ClientEnd> ConnectAsync(Uri server, Workload workload)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hub"), HttpTransportType.WebSockets, options => options.SkipNegotiation = true)
            .AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, LoggerJsonContext.Default))
            .Build();
        await connection.StartAsync();
        return new ClientEnd(cancellationToken => ReadAsync(connection, workload, cancellationToken), connection);
    }

    private static async Task<int> ReadAsync(HubConnection connection, Workload workload, CancellationToken cancellationToken)
    {
        var received = 0;
        string? last = null;
        await foreach (var item in connection.StreamAsync<SubscribeResult>(nameof(LogHub.Subscribe), Workload.Topic, cancellationToken))
        {
            last = item.Message;
            received++;
        }

        return workload.Verify(received, last);
    }
}

internal sealed class LogHub(Workload workload) : Hub
{
    public async IAsyncEnumerable<SubscribeResult> Subscribe(string topic, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _ = topic;
        var item = workload.Item;
        var count = workload.Count;
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }
}
