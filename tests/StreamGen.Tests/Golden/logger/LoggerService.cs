// Created by streamgen once; yours to edit: streamgen never overwrites it (gen/ holds what it regenerates).
// Template: scaffold/service.cs.sbn (override it with --templates DIR).
using Acme.Logger.Runtime;

namespace Acme.Logger;

/// <summary>Log management</summary>
public sealed class LoggerService : ILoggerService
{
    /// <summary>Stream log entries for a specific topic</summary>
    public Task SubscribeAsync(SubscribePayload payload, ISubscribeServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "logger.subscribe is not implemented yet");

    /// <summary>Publish a stream of log entries; the result counts those accepted</summary>
    public Task PublishAsync(IPublishServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "logger.publish is not implemented yet");

    /// <summary>Stream the entries of a changing set of topics; the client adds and removes topics while entries flow</summary>
    public Task WatchAsync(WatchPayload payload, IWatchServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "logger.watch is not implemented yet");

    /// <summary>Stream a topic's entries as Server-Sent Events, resuming after Last-Event-ID</summary>
    public Task EventsAsync(EventsPayload payload, IEventsServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "logger.events is not implemented yet");

    /// <summary>Append the NDJSON body (one {"message", "level"} object a line) to a topic</summary>
    public Task<UploadResult> UploadAsync(UploadPayload payload, Stream body, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "logger.upload is not implemented yet");

    /// <summary>Stream the retained entries of a topic as NDJSON</summary>
    public Task DownloadAsync(DownloadPayload payload, Stream body, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "logger.download is not implemented yet");

    /// <summary>The most recent retained entries of a topic</summary>
    public Task<RecentResult> RecentAsync(RecentPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "logger.recent is not implemented yet");
}
