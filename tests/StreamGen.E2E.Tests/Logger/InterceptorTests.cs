using System.Collections.Concurrent;
using StreamGen.E2E.Tests.Support;
using Acme.Logger;
using Acme.Logger.Runtime;

namespace StreamGen.E2E.Tests.Logger;

/// <summary>
/// The logger's interceptors on real servers, over both transports: the server's trace interceptor stamps every watch
/// result as it goes out (one trace id per call), and the client's requestId interceptor, around the generated client of
/// either transport, gives every call with a payload a request id the handler sees.
/// </summary>
public sealed class InterceptorTests(LoggerServerFixture fixture) : IClassFixture<LoggerServerFixture>
{
    public static TheoryData<Transport> Both => Transports.Both;

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Watch_stamps_every_result_with_its_calls_trace_id_and_the_client_runs_its_interceptor_once_per_call(Transport transport)
    {
        var recorder = new RecordingClientInterceptors();
        var client = new InterceptedLoggerClient(fixture.Client(transport), recorder);
        var topic = $"intercepted-{Guid.NewGuid():N}"[..24];

        var first = await WatchAsync(client, topic, 5);
        var second = await WatchAsync(client, topic, 3);

        Assert.All(first.Concat(second), r => Assert.Matches("^[0-9a-f]{32}$", r.TraceId));
        Assert.Single(first.Select(r => r.TraceId).Distinct());
        Assert.Single(second.Select(r => r.TraceId).Distinct());
        Assert.NotEqual(first[0].TraceId, second[0].TraceId);

        // Around the call only (requestId reads no streamed message): one Unary call per watch, none per message.
        Assert.Equal(["watch:Unary", "watch:Unary"], recorder.Calls.Where(c => c.StartsWith("watch:", StringComparison.Ordinal)));
        foreach (var id in recorder.RequestIds)
        {
            await fixture.Observations.WaitForAsync($"watch:request-id:{id}");
        }
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task The_request_id_interceptor_sets_an_id_the_handler_sees_and_keeps_the_callers_own(Transport transport)
    {
        var client = new InterceptedLoggerClient(fixture.Client(transport), new LoggerClientInterceptors());
        var mine = $"mine-{Guid.NewGuid():N}";
        await client.RecentAsync(new RecentPayload { Topic = "intercepted-recent", RequestId = mine });
        await fixture.Observations.WaitForAsync($"recent:request-id:{mine}");

        var recorder = new RecordingClientInterceptors();
        await new InterceptedLoggerClient(fixture.Client(transport), recorder).RecentAsync(new RecentPayload { Topic = "intercepted-recent" });
        var generated = Assert.Single(recorder.RequestIds);
        Assert.Matches("^[0-9a-f]{32}$", generated);
        await fixture.Observations.WaitForAsync($"recent:request-id:{generated}");
    }

    [Fact]
    public async Task Without_the_decorator_no_client_interceptor_runs_but_the_server_still_stamps()
    {
        var client = fixture.Client(Transport.WebSocket);
        var records = await WatchAsync(client, $"plain-{Guid.NewGuid():N}"[..24], 2);
        Assert.All(records, r => Assert.NotNull(r.TraceId));
        await fixture.Observations.WaitForAsync("watch:request-id:");
    }

    /// <summary>Opens a watch of <paramref name="topic"/>, publishes until it carries <paramref name="count"/> entries published after it took effect, and returns them.</summary>
    private static async Task<List<LogRecord>> WatchAsync(ILoggerClient client, string topic, int count)
    {
        await using var watch = await client.WatchAsync(new WatchPayload());
        await using var inbox = new Inbox<LogRecord>(watch.ReadAllAsync());
        await using var publisher = await client.PublishAsync();
        await watch.SendAsync(new FilterUpdate { Action = FilterUpdateAction.Add, Topic = topic });
        var records = new List<LogRecord>();
        for (var sent = 0; records.Count < count && sent < 200; sent++)
        {
            await publisher.SendAsync(new LogEntry { Topic = topic, Message = $"m{sent}" });
            var (received, record) = await inbox.TryNextAsync(TimeSpan.FromMilliseconds(100));
            if (received)
            {
                records.Add(record!);
            }
        }

        while (records.Count < count)
        {
            records.Add(await inbox.NextAsync());
        }

        await watch.CloseAsync();
        return records;
    }

    /// <summary>The example's requestId interceptor, recording each call and the id it leaves.</summary>
    private sealed class RecordingClientInterceptors : ILoggerClientInterceptors
    {
        private readonly LoggerClientInterceptors _inner = new();

        public ConcurrentQueue<string> Calls { get; } = new();

        public ConcurrentQueue<string> RequestIds { get; } = new();

        public async Task RequestIdAsync(RequestIdInfo info, InterceptorNext next, CancellationToken cancellationToken)
        {
            Calls.Enqueue($"{info.Method}:{info.CallType}");
            await _inner.RequestIdAsync(info, next, cancellationToken);
            RequestIds.Enqueue(info.Payload!.RequestId!);
        }
    }
}
