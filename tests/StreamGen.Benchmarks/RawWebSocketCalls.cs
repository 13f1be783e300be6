using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Acme.Logger;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace StreamGen.Benchmarks;

/// <summary>
/// The hand-written baseline of the client-streaming (`publish`) and bidirectional (`watch`) rows: Kestrel's WebSocket
/// support and the same source-generated JSON, on the same routes and the same messages as the wire protocol
/// (`null` ends the client's half; the result is one text message), one text frame per message, no queue, no validation
/// beyond what deserializing does.
/// </summary>
internal static class RawWebSocketCalls
{
    private static readonly byte[] Null = "null"u8.ToArray();

    public static Task<Server> StartServerAsync(Workload workload) => Server.StartAsync(HttpProtocols.Http1, _ => { }, app =>
    {
        app.UseWebSockets();
        app.Map("/logs/publish", ServePublishAsync);
        app.Map("/logs/watch", context => ServeWatchAsync(context, workload));
    });

    private static async Task ServePublishAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[64 * 1024];
        var cancellationToken = context.RequestAborted;
        long count = 0;
        while (await ReceiveAsync(socket, buffer, cancellationToken) is var length && length >= 0)
        {
            if (buffer.AsSpan(0, length).SequenceEqual(Null))
            {
                break;
            }

            _ = JsonSerializer.Deserialize(buffer.AsSpan(0, length), LoggerJsonReader.LogEntry) ?? throw new InvalidOperationException("null entry");
            count++;
        }

        var result = JsonSerializer.SerializeToUtf8Bytes(new PublishResult { Count = count, Dropped = 0 }, LoggerJsonContext.Default.PublishResult);
        await socket.SendAsync(result, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
    }

    private static async Task ServeWatchAsync(HttpContext context, Workload workload)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[64 * 1024];
        var output = new ArrayBufferWriter<byte>(16 * 1024);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        var cancellationToken = context.RequestAborted;
        long id = 0;
        while (await ReceiveAsync(socket, buffer, cancellationToken) is var length && length >= 0)
        {
            if (buffer.AsSpan(0, length).SequenceEqual(Null))
            {
                break;
            }

            _ = JsonSerializer.Deserialize(buffer.AsSpan(0, length), LoggerJsonReader.FilterUpdate) ?? throw new InvalidOperationException("null update");
            output.ResetWrittenCount();
            json.Reset(output);
            JsonSerializer.Serialize(json, workload.Record(++id), LoggerJsonContext.Default.LogRecord);
            json.Flush();
            await socket.SendAsync(output.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
    }

    /// <summary>Sends <paramref name="count"/> entries and `null`, and returns the count in the server's result.</summary>
    public static async Task<long> PublishAsync(Uri server, LogEntry entry, int count, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{server.Authority}/logs/publish"), cancellationToken);
        var output = new ArrayBufferWriter<byte>(16 * 1024);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        for (var i = 0; i < count; i++)
        {
            output.ResetWrittenCount();
            json.Reset(output);
            JsonSerializer.Serialize(json, entry, LoggerJsonContext.Default.LogEntry);
            json.Flush();
            await socket.SendAsync(output.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }

        await socket.SendAsync(Null, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = new byte[4096];
        var length = await ReceiveAsync(socket, buffer, cancellationToken);
        var result = JsonSerializer.Deserialize(buffer.AsSpan(0, length), LoggerJsonReader.PublishResult) ?? throw new InvalidOperationException("null result");
        await ReceiveAsync(socket, buffer, cancellationToken);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
        return result.Count;
    }

    /// <summary>A connected `watch` peer that times one update → record round trip per call.</summary>
    public static async Task<RoundTrip> WatchAsync(Uri server, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{server.Authority}/logs/watch"), cancellationToken);
        var output = new ArrayBufferWriter<byte>(1024);
        var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        var buffer = new byte[64 * 1024];
        return new RoundTrip(
            async (update, token) =>
            {
                output.ResetWrittenCount();
                json.Reset(output);
                JsonSerializer.Serialize(json, update, LoggerJsonContext.Default.FilterUpdate);
                json.Flush();
                await socket.SendAsync(output.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, token);
                var length = await ReceiveAsync(socket, buffer, token);
                return JsonSerializer.Deserialize(buffer.AsSpan(0, length), LoggerJsonReader.LogRecord) ?? throw new InvalidOperationException("null record");
            },
            async () =>
            {
                await socket.SendAsync(Null, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                await ReceiveAsync(socket, buffer, CancellationToken.None);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                await json.DisposeAsync();
                socket.Dispose();
            });
    }

    /// <summary>Reads one whole message into <paramref name="buffer"/>: its length, or -1 for a close frame.</summary>
    public static async ValueTask<int> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        return result.MessageType == WebSocketMessageType.Close ? -1 : length;
    }
}

/// <summary>A connected bidirectional stream: one call sends an update and awaits the record it causes.</summary>
internal sealed record RoundTrip(Func<FilterUpdate, CancellationToken, Task<LogRecord>> PingAsync, Func<Task> CloseAsync);
