using System.Net.WebSockets;
using System.Text;
using Acme.Logger;
using Acme.Logger.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using StreamGen.E2E.Tests.Support;

namespace StreamGen.E2E.Tests.Protocol;

/// <summary>
/// The generated client's RFC 6455 handling against a server it did not generate: ASP.NET Core's own WebSocket
/// implementation sending fragmented messages, pinging with a pong deadline, closing with errors, and exceeding limits.
/// </summary>
public sealed class ClientProtocolTests
{
    private const string Item = """{"timestamp":"2026-11-25T10:00:00Z","message":"hello"}""";

    [Fact]
    public async Task Fragmented_messages_are_assembled()
    {
        await using var server = await FrameworkServer.StartAsync(async socket =>
        {
            var bytes = Encoding.UTF8.GetBytes(Item);
            await socket.SendAsync(bytes.AsMemory(0, 5), WebSocketMessageType.Text, endOfMessage: false, default);
            await socket.SendAsync(bytes.AsMemory(5, 10), WebSocketMessageType.Text, endOfMessage: false, default);
            await socket.SendAsync(bytes.AsMemory(15), WebSocketMessageType.Text, endOfMessage: true, default);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", default);
        });
        await using var stream = await server.SubscribeAsync();

        Assert.Equal("hello", (await stream.RecvAsync())!.Message);
        Assert.Null(await stream.RecvAsync());
    }

    [Fact]
    public async Task Server_pings_with_a_pong_deadline_are_answered()
    {
        await using var server = await FrameworkServer.StartAsync(async socket =>
        {
            // The server aborts the connection if a ping goes unanswered for 1 s; it pings every 100 ms for 2.5 s, so a
            // client that never answered would be cut off after ~1.1 s. The deadline leaves room for a loaded CI box.
            // (The framework sees pongs only while a receive is pending, so one is.)
            var receiving = socket.ReceiveAsync(new byte[16], default);
            await Task.Delay(2500);
            Assert.False(receiving.IsCompleted);
            await socket.SendAsync(Encoding.UTF8.GetBytes(Item), WebSocketMessageType.Text, endOfMessage: true, default);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", default);
        }, keepAliveTimeout: TimeSpan.FromSeconds(1));
        await using var stream = await server.SubscribeAsync();

        Assert.Equal("hello", (await stream.RecvAsync())!.Message);
        Assert.Null(await stream.RecvAsync());
    }

    [Fact]
    public async Task A_close_with_an_error_status_surfaces_its_name_and_status()
    {
        await using var server = await FrameworkServer.StartAsync(socket => socket.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, "not_found: gone", default));
        await using var stream = await server.SubscribeAsync();

        var error = await Assert.ThrowsAsync<StreamClosedException>(async () => await stream.RecvAsync());

        Assert.Equal((WebSocketCloseStatus.InternalServerError, "not_found", "gone"), (error.CloseStatus, error.Name, error.Message));
    }

    [Fact]
    public async Task A_message_over_the_client_limit_closes_with_1009()
    {
        var closed = new TaskCompletionSource<WebSocketCloseStatus?>();
        await using var server = await FrameworkServer.StartAsync(async socket =>
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"timestamp":"2026-11-25T10:00:00Z","message":"{{new string('x', 4000)}}"}"""), WebSocketMessageType.Text, endOfMessage: true, default);
            var buffer = new byte[1024];
            var result = await socket.ReceiveAsync(buffer, default);
            closed.SetResult(result.CloseStatus);
        });
        await using var stream = await server.SubscribeAsync(new StreamGenClientOptions { MaxMessageSize = 1024 });

        var error = await Assert.ThrowsAnyAsync<ServiceError>(async () => await stream.RecvAsync());

        Assert.Equal("message_too_big", error.Name);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await closed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Messages_the_client_sends_are_masked_frames_the_framework_reads()
    {
        var received = new TaskCompletionSource<string>();
        await using var server = await FrameworkServer.StartAsync(async socket =>
        {
            var buffer = new byte[64 * 1024];
            var text = new StringBuilder();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, default);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count)).Append(result.EndOfMessage ? "|" : "");
            }

            received.SetResult(text.ToString());
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", default);
        }, path: "/logs/watch");
        using var http = new HttpClient { BaseAddress = server.Address };
        await using var watch = await new LoggerHttpClient(http).WatchAsync(new WatchPayload());

        await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = new string('t', 200) });
        await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Remove, Topic = "b" });
        await watch.CloseAsync();

        Assert.Equal($$"""{"action":"add","topic":"{{new string('t', 200)}}"}|{"action":"remove","topic":"b"}|null|""", await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>A route served by ASP.NET Core's WebSocket middleware and a handler written against System.Net.WebSockets.</summary>
    private sealed class FrameworkServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FrameworkServer(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<FrameworkServer> StartAsync(Func<WebSocket, Task> handle, TimeSpan? keepAliveTimeout = null, string path = "/logs/{topic}/stream")
        {
            var port = FreePort.Next();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            var app = builder.Build();
            app.UseWebSockets();
            app.Map(path, async (HttpContext context) =>
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
                {
                    KeepAliveInterval = keepAliveTimeout is null ? TimeSpan.Zero : TimeSpan.FromMilliseconds(100),
                    KeepAliveTimeout = keepAliveTimeout ?? Timeout.InfiniteTimeSpan,
                });
                await handle(socket);
            });
            await app.StartAsync();
            return new FrameworkServer(app, new Uri($"http://127.0.0.1:{port}/"));
        }

        public async Task<ISubscribeClientStream> SubscribeAsync(StreamGenClientOptions? options = null)
        {
            var http = new HttpClient { BaseAddress = Address };
            return await new LoggerHttpClient(http, options).SubscribeAsync(new SubscribePayload { Topic = "any" });
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
