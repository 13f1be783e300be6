using Acme.Logger;

namespace StreamGen.Benchmarks;

/// <summary>
/// The service the generated transports serve in the in-process scenarios: each method does the least its shape allows
/// (stream the workload, count what arrives, echo), the same work the hand-written baselines do, so the figures are the
/// transports'.
/// </summary>
internal sealed class BenchLoggerService(Workload workload) : ILoggerService
{
    public async Task SubscribeAsync(SubscribePayload payload, ISubscribeServerStream stream, CancellationToken cancellationToken)
    {
        var item = workload.Item;
        var count = workload.Count;
        await stream.OpenAsync(cancellationToken);
        for (var i = 0; i < count; i++)
        {
            await stream.SendAsync(item, cancellationToken);
        }
    }

    /// <summary>Counts the entries until the client ends its stream.</summary>
    public async Task PublishAsync(IPublishServerStream stream, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var entry in stream.ReadAllAsync(cancellationToken))
        {
            count++;
        }

        await stream.SendAndCloseAsync(new PublishResult { Count = count, Dropped = 0 }, cancellationToken);
    }

    /// <summary>Ping-pong: answers every filter update with one record (the workload's item) at once.</summary>
    public async Task WatchAsync(WatchPayload payload, IWatchServerStream stream, CancellationToken cancellationToken)
    {
        await stream.OpenAsync(cancellationToken);
        long id = 0;
        await foreach (var update in stream.ReadAllAsync(cancellationToken))
        {
            await stream.SendAsync(workload.Record(++id), cancellationToken);
        }
    }

    /// <summary>Streams the workload as records with increasing ids (after Last-Event-ID when the client resumes).</summary>
    public async Task EventsAsync(EventsPayload payload, IEventsServerStream stream, CancellationToken cancellationToken)
    {
        var first = payload.Since is { } since ? long.Parse(since, System.Globalization.CultureInfo.InvariantCulture) + 1 : 1;
        await stream.OpenAsync(cancellationToken);
        for (var id = first; id <= workload.Count; id++)
        {
            await stream.SendAsync(workload.Record(id), cancellationToken);
            if (workload.EventInterval is { } interval)
            {
                await Task.Delay(interval, cancellationToken);
            }
        }
    }

    /// <summary>Reads the body to its end and counts its bytes (as lines of NDJSON a real service would parse).</summary>
    public async Task<UploadResult> UploadAsync(UploadPayload payload, Stream body, CancellationToken cancellationToken) =>
        new() { Count = await RawBody.DrainAsync(body, cancellationToken) };

    /// <summary>Writes the workload's body size in 64 KiB chunks.</summary>
    public Task DownloadAsync(DownloadPayload payload, Stream body, CancellationToken cancellationToken) =>
        RawBody.FillAsync(body, workload.BodyBytes, cancellationToken);

    public Task<RecentResult> RecentAsync(RecentPayload payload, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>Lets a client's synchronous resources (HttpClient, GrpcChannel) ride in a <see cref="ClientEnd"/>.</summary>
internal sealed class Disposer(IDisposable resource) : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        resource.Dispose();
        return default;
    }
}
