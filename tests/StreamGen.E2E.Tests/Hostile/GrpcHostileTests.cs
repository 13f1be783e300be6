using StreamGen.E2E.Tests.Support;
using Acme.Logger;
using Acme.Logger.Runtime;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.E2E.Tests.Hostile;

/// <summary>
/// The hostile cases that apply to gRPC (issue 10.4): a subscriber that never reads is cut off with RESOURCE_EXHAUSTED
/// while a reading one gets everything; an oversized message is RESOURCE_EXHAUSTED; canceled calls and reset streams
/// release their handlers and subscriptions; everyone else is still served.
/// </summary>
public sealed class GrpcHostileTests
{
    [Fact]
    public async Task A_grpc_subscriber_that_never_reads_is_cut_off_with_resource_exhausted_and_counted()
    {
        // The transport's stall timeout is under test, not the bus's eviction wait: a generous one keeps a reader that a loaded
        // test machine deschedules for a moment from being cut off by the bus.
        await using var server = await LoggerServers.StartAsync(["--StreamGen:Grpc:StallTimeout=00:00:01"], bus =>
        {
            bus.SubscriberQueue = 256;
            bus.EvictionWait = TimeSpan.FromSeconds(5);
        });
        var bus = server.Services.GetRequiredService<LogBus>();
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress);
        var client = new LoggerGrpcClient(channel, credentials: LoggerServers.Credentials);
        var topic = $"grpc-slow-{Guid.NewGuid():N}"[..24];
        var payload = new string('y', 4000);
        await using var stalled = await client.SubscribeAsync(new SubscribePayload { Topic = topic });
        await using var fast = await client.SubscribeAsync(new SubscribePayload { Topic = topic });
        var reading = Task.Run(async () =>
        {
            var messages = new List<string>();
            await foreach (var entry in fast.ReadAllAsync())
            {
                messages.Add(entry.Message);
                if (messages.Count == 3000)
                {
                    break;
                }
            }

            return messages;
        });
        await WaitUntilAsync(() => bus.SubscriberCount == 2);

        await using var publisher = await client.PublishAsync();
        for (var i = 0; i < 3000; i++)
        {
            await publisher.SendAsync(new LogEntry { Topic = topic, Message = $"{i} {payload}" });
        }

        var published = await publisher.CloseAndRecvAsync();
        var received = await reading.WaitAsync(TimeSpan.FromSeconds(60));
        var stalledReceived = new List<string>();
        var error = await Assert.ThrowsAnyAsync<ServiceError>(async () =>
        {
            await foreach (var entry in stalled.ReadAllAsync())
            {
                stalledReceived.Add(entry.Message);
            }
        });

        Assert.Equal((3000L, 1L), (published.Count, published.Dropped));
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => $"{i} {payload}"), received);
        Assert.Equal(StatusCode.ResourceExhausted, Assert.IsType<GrpcServiceError>(error).StatusCode);
        Assert.Equal(StreamStalledException.ErrorName, error.Name);
        Assert.Equal(Enumerable.Range(0, stalledReceived.Count).Select(i => $"{i} {payload}"), stalledReceived);
        await WaitUntilAsync(() => bus.SubscriberCount == 1);
    }

    [Fact]
    public async Task An_oversized_grpc_message_is_resource_exhausted_and_others_are_still_served()
    {
        await using var server = await LoggerServers.StartAsync([]);
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress, new GrpcChannelOptions { MaxSendMessageSize = null });
        var client = new LoggerGrpcClient(channel, credentials: LoggerServers.Credentials);
        var raw = new Acme.Logger.Protos.Logger.LoggerClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => raw.RecentAsync(new Acme.Logger.Protos.RecentRequest { Topic = new string('t', 5 * 1024 * 1024) }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        await AssertServedAsync(client);
    }

    [Fact]
    public async Task Canceled_and_reset_grpc_calls_release_their_handlers_and_subscriptions()
    {
        await using var server = await LoggerServers.StartAsync([]);
        var bus = server.Services.GetRequiredService<LogBus>();
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress);
        var client = new LoggerGrpcClient(channel, credentials: LoggerServers.Credentials);
        var raw = new Acme.Logger.Protos.Logger.LoggerClient(channel);

        for (var i = 0; i < 50; i++)
        {
            using var cancel = new CancellationTokenSource();
            var call = raw.Subscribe(new Acme.Logger.Protos.SubscribeRequest { Topic = $"cancel-{i % 5}" }, cancellationToken: cancel.Token);
            await call.ResponseHeadersAsync;
            if (i % 2 == 0)
            {
                cancel.Cancel();
            }
            else
            {
                call.Dispose();
            }
        }

        await WaitUntilAsync(() => bus.SubscriberCount == 0);
        await AssertServedAsync(client);
    }

    private static async Task AssertServedAsync(ILoggerClient client)
    {
        var topic = $"served-{Guid.NewGuid():N}"[..20];
        await using var publisher = await client.PublishAsync();
        await publisher.SendAsync(new LogEntry { Topic = topic, Message = "still served" });
        Assert.Equal(1, (await publisher.CloseAndRecvAsync()).Count);
        Assert.Equal("still served", (await client.RecentAsync(new RecentPayload { Topic = topic })).Entries.Single().Message);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "The condition never became true.");
    }
}
