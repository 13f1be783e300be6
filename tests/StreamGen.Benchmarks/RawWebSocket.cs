using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Acme.Logger;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace StreamGen.Benchmarks;

/// <summary>
/// Baseline A: what one would write by hand with Kestrel's WebSocket support and the same source-generated JSON, one
/// text frame per item (so one write and flush per item), read by a plain <see cref="ClientWebSocket"/>. It serves the
/// generated route, so each end can also be paired with a generated one.
/// </summary>
internal static class RawWebSocket
{
    public static Task<Server> StartServerAsync(Workload workload) => Server.StartAsync(HttpProtocols.Http1, _ => { }, app =>
    {
        app.UseWebSockets();
        app.Map("/logs/{topic}/stream", context => ServeAsync(context, workload));
    });

    private static async Task ServeAsync(HttpContext context, Workload workload)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        var item = workload.Item;
        var count = workload.Count;
        var cancellationToken = context.RequestAborted;
        for (var i = 0; i < count; i++)
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            JsonSerializer.Serialize(json, item, LoggerJsonContext.Default.SubscribeResult);
            json.Flush();
            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
    }

    public static Task<ClientEnd> ConnectAsync(Uri server, Workload workload)
    {
        var uri = new Uri($"ws://{server.Authority}/logs/{Workload.Topic}/stream");
        return Task.FromResult(new ClientEnd(cancellationToken => ReadAsync(uri, workload, cancellationToken)));
    }

    private static async Task<int> ReadAsync(Uri uri, Workload workload, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, cancellationToken);
        var buffer = new byte[64 * 1024];
        var received = 0;
        string? last = null;
        while (true)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
                return workload.Verify(received, last);
            }

            var item = JsonSerializer.Deserialize(buffer.AsSpan(0, length), LoggerJsonReader.SubscribeResult)
                ?? throw new InvalidOperationException("null item");
            last = item.Message;
            received++;
        }
    }
}
