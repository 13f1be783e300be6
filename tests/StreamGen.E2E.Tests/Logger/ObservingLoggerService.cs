using StreamGen.E2E.Tests.Support;
using Acme.Logger;
using Acme.Logger.Runtime;

namespace StreamGen.E2E.Tests.Logger;

/// <summary>
/// The example's LoggerService, as served, plus what its handlers observe, plus a few topics that make subscribe
/// misbehave on purpose so tests can see each failure on the wire.
/// </summary>
public sealed class ObservingLoggerService(LoggerService inner, Observations observations) : ILoggerService
{
    public const string FailBeforeOpen = "fail-before-open";
    public const string FailAfterOpen = "fail-after-open";
    public const string Crash = "crash";
    public const string SendInvalid = "send-invalid";
    public const string Concurrent = "concurrent";

    public async Task SubscribeAsync(SubscribePayload payload, ISubscribeServerStream stream, CancellationToken cancellationToken)
    {
        var topic = payload.Topic;
        observations.Record($"subscribe:started:{topic}");
        try
        {
            switch (topic)
            {
                case FailBeforeOpen:
                    throw LoggerErrors.NotFound("no such topic");
                case FailAfterOpen:
                    await stream.OpenAsync(cancellationToken);
                    await stream.SendAsync(new SubscribeResult { Timestamp = "2026-01-01T00:00:00Z", Message = "one" }, cancellationToken);
                    throw LoggerErrors.NotFound("the topic went away");
                case Crash:
                    await stream.OpenAsync(cancellationToken);
                    throw new InvalidOperationException("secret internal detail");
                case SendInvalid:
                    await stream.OpenAsync(cancellationToken);
                    await stream.SendAsync(new SubscribeResult { Timestamp = "yesterday", Message = "bad" }, cancellationToken);
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    break;
                case Concurrent:
                    await stream.OpenAsync(cancellationToken);
                    await Task.WhenAll(Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
                    {
                        for (var i = 0; i < 250; i++)
                        {
                            await stream.SendAsync(new SubscribeResult { Timestamp = "2026-01-01T00:00:00Z", Message = $"{sender}:{i}:{new string('x', 200 * (i % 7))}" }, cancellationToken);
                        }
                    }, cancellationToken)));
                    break;
                default:
                    await inner.SubscribeAsync(payload, stream, cancellationToken);
                    break;
            }

            observations.Record($"subscribe:completed:{topic}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            observations.Record($"subscribe:canceled:{topic}");
            throw;
        }
    }

    public async Task PublishAsync(IPublishServerStream stream, CancellationToken cancellationToken)
    {
        try
        {
            await inner.PublishAsync(stream, cancellationToken);
            observations.Record("publish:completed");
        }
        catch (ValidationException e)
        {
            observations.Record($"publish:rejected:{e.Name}");
            throw;
        }
    }

    public async Task WatchAsync(WatchPayload payload, IWatchServerStream stream, CancellationToken cancellationToken)
    {
        observations.Record($"watch:request-id:{payload.RequestId}");
        try
        {
            await inner.WatchAsync(payload, stream, cancellationToken);
            observations.Record("watch:completed");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            observations.Record("watch:canceled");
            throw;
        }
    }

    public Task EventsAsync(EventsPayload payload, IEventsServerStream stream, CancellationToken cancellationToken) => inner.EventsAsync(payload, stream, cancellationToken);

    public Task<UploadResult> UploadAsync(UploadPayload payload, Stream body, CancellationToken cancellationToken) => inner.UploadAsync(payload, body, cancellationToken);

    public Task DownloadAsync(DownloadPayload payload, Stream body, CancellationToken cancellationToken) => inner.DownloadAsync(payload, body, cancellationToken);

    public Task<RecentResult> RecentAsync(RecentPayload payload, CancellationToken cancellationToken)
    {
        observations.Record($"recent:request-id:{payload.RequestId}");
        return inner.RecentAsync(payload, cancellationToken);
    }
}
