using StreamGen.E2E.Tests.Support;
using StreamGen.Interop;

namespace StreamGen.E2E.Tests.Interop;

/// <summary>The interop test service: each method does what gRPC's interop tests expect, and records what its handler observed.</summary>
public sealed class InteropService(Observations observations) : ITestService
{
    public Task EmptyCallAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<Chunk> UnaryCallAsync(ChunkRequest payload, CancellationToken cancellationToken)
    {
        await FailIfAsked(payload, Fail.Before);
        await Task.Delay(payload.PauseMs, cancellationToken);
        return Filled(0, payload.Size, "");
    }

    public Task StreamingOutputCallAsync(StreamingOutputCallPayload payload, IStreamingOutputCallServerStream stream, CancellationToken cancellationToken) =>
        Observe("streamingOutputCall", cancellationToken, async () =>
        {
            await stream.OpenAsync(cancellationToken);
            for (var i = 0; i < payload.Sizes.Count; i++)
            {
                await Task.Delay(payload.PauseMs, cancellationToken);
                await stream.SendAsync(Filled(i, payload.Sizes[i], ""), cancellationToken);
            }
        });

    public Task StreamingInputCallAsync(IStreamingInputCallServerStream stream, CancellationToken cancellationToken) =>
        Observe("streamingInputCall", cancellationToken, async () =>
        {
            long size = 0;
            var count = 0;
            await foreach (var chunk in stream.ReadAllAsync(cancellationToken))
            {
                size += chunk.Body.Length;
                count++;
            }

            await stream.SendAndCloseAsync(new StreamingInputCallResult { AggregatedSize = size, Count = count }, cancellationToken);
        });

    public Task FullDuplexCallAsync(FullDuplexCallPayload payload, IFullDuplexCallServerStream stream, CancellationToken cancellationToken) =>
        Observe("fullDuplexCall", cancellationToken, async () =>
        {
            await stream.OpenAsync(cancellationToken);
            var index = 0;
            await foreach (var request in stream.ReadAllAsync(cancellationToken))
            {
                await FailIfAsked(request, Fail.Before);
                await Task.Delay(request.PauseMs, cancellationToken);
                await stream.SendAsync(Filled(index++, request.Size, payload.Tag ?? ""), cancellationToken);
                await FailIfAsked(request, Fail.After);
            }
        });

    public Task DrainAsync(IDrainServerStream stream, CancellationToken cancellationToken) =>
        Observe("drain", cancellationToken, async () =>
        {
            await foreach (var chunk in stream.ReadAllAsync(cancellationToken))
            {
                _ = chunk;
            }
        });

    public async Task<SleepResult> SleepAsync(SleepPayload payload, CancellationToken cancellationToken)
    {
        await Observe("sleep", cancellationToken, () => Task.Delay(payload.Ms, cancellationToken));
        return new SleepResult { Slept = payload.Ms };
    }

    public Task<ObservedResult> ObservedAsync(CancellationToken cancellationToken) => Task.FromResult(new ObservedResult
    {
        Canceled = [.. observations.Events.Where(e => e.EndsWith(":canceled", StringComparison.Ordinal))],
        Completed = [.. observations.Events.Where(e => e.EndsWith(":completed", StringComparison.Ordinal))],
    });

    private async Task Observe(string method, CancellationToken cancellationToken, Func<Task> body)
    {
        try
        {
            await body();
            observations.Record($"{method}:completed");
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            observations.Record($"{method}:canceled");
            throw;
        }
    }

    private static Task FailIfAsked(ChunkRequest request, Fail when) =>
        request.Fail == when ? Task.FromException(TestErrors.Requested($"failed {StreamGen.Runtime.WireEnum<Fail>.Name(when)}, as asked")) : Task.CompletedTask;

    private static Chunk Filled(int index, int size, string tag)
    {
        var body = new byte[Math.Max(size, tag.Length)];
        System.Text.Encoding.ASCII.GetBytes(tag).CopyTo(body, 0);
        body.AsSpan(tag.Length).Fill(0x2A);
        return new Chunk { Index = index, Body = body };
    }
}
