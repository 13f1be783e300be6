using Acme.Logger;

namespace StreamGen.Benchmarks;

/// <summary>The service both generated transports (WebSocket and gRPC) serve: it streams the workload and returns.</summary>
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

    public Task PublishAsync(IPublishServerStream stream, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task WatchAsync(WatchPayload payload, IWatchServerStream stream, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task EventsAsync(EventsPayload payload, IEventsServerStream stream, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<UploadResult> UploadAsync(UploadPayload payload, Stream body, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DownloadAsync(DownloadPayload payload, Stream body, CancellationToken cancellationToken) => throw new NotSupportedException();

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
