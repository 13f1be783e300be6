// Created by streamgen once, then written by hand: the logger example's implementation over its ILogBus (in process, or
// Redis Streams shared by every instance).
// streamgen never overwrites this file (gen/ holds what it regenerates).
using System.Text.Json;
using Acme.Logger.Runtime;

namespace Acme.Logger;

/// <summary>Log management, served over WebSockets, Server-Sent Events, raw HTTP bodies and gRPC by the same code.</summary>
public sealed class LoggerService(ILogBus bus) : ILoggerService
{
    /// <summary>
    /// Stream log entries for a specific topic, from the moment the stream opens or, with since, after that entry (from
    /// the retained ones: gone when they are not all retained, before the stream opens).
    /// </summary>
    public async Task SubscribeAsync(SubscribePayload payload, ISubscribeServerStream stream, CancellationToken cancellationToken)
    {
        using var subscription = await bus.SubscribeAsync(payload.Topic, payload.Since, cancellationToken);
        await stream.OpenAsync(cancellationToken);
        await foreach (var entry in subscription.ReadAllAsync(cancellationToken))
        {
            await stream.SendAsync(
                new SubscribeResult { Timestamp = entry.Timestamp!, Message = entry.Message, Topic = entry.Topic, Level = entry.Level, Id = entry.Id },
                cancellationToken);
        }
    }

    /// <summary>
    /// Publish a stream of log entries; the result counts those accepted and, as dropped, the subscribers of this process
    /// cut off while the publish ran (from the start of its stream to its last entry stored), whatever their topics.
    /// </summary>
    public async Task PublishAsync(IPublishServerStream stream, CancellationToken cancellationToken)
    {
        var cutOff = bus.CutOff;
        long count = 0;
        await foreach (var entry in stream.ReadAllAsync(cancellationToken))
        {
            await bus.PublishAsync(entry.Topic, entry.Message, entry.Level, cancellationToken);
            count++;
        }

        await stream.SendAndCloseAsync(new PublishResult { Count = count, Dropped = bus.CutOff - cutOff }, cancellationToken);
    }

    /// <summary>
    /// Stream the entries of the topics in the filter set, which starts empty and changes with each FilterUpdate the
    /// client sends; the stream ends when the client ends its stream of updates. With since, each topic added replays its
    /// retained entries after that id first (an id the bus cannot place is gone: before the stream opens when it was not
    /// issued by this server, at the add when the topic no longer retains what follows it).
    /// </summary>
    public async Task WatchAsync(WatchPayload payload, IWatchServerStream stream, CancellationToken cancellationToken)
    {
        stream.SetView(payload.View == View.Tiny ? LogRecordView.Tiny : LogRecordView.Default);
        using var subscription = await bus.WatchAsync(payload.Since, cancellationToken);
        await stream.OpenAsync(cancellationToken);

        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var updates = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var update in stream.ReadAllAsync(cancellationToken))
                    {
                        if (update.Action == FilterUpdateAction.Add)
                        {
                            await subscription.AddAsync(update.Topic, cancellationToken);
                        }
                        else
                        {
                            subscription.Remove(update.Topic);
                        }
                    }
                }
                finally
                {
                    done.Cancel();
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var entry in subscription.ReadAllAsync(done.Token))
            {
                await stream.SendAsync(entry, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The client ended its updates: the watch is over.
        }

        await updates;
    }

    /// <summary>
    /// Stream a topic's entries as Server-Sent Events; with Last-Event-ID, first replay the retained entries after it
    /// (gone, 410, when they are not all retained).
    /// </summary>
    public async Task EventsAsync(EventsPayload payload, IEventsServerStream stream, CancellationToken cancellationToken)
    {
        using var subscription = await bus.SubscribeAsync(payload.Topic, payload.Since, cancellationToken);
        await stream.OpenAsync(cancellationToken);
        await foreach (var entry in subscription.ReadAllAsync(cancellationToken))
        {
            await stream.SendAsync(entry, cancellationToken);
        }
    }

    /// <summary>Append the NDJSON body to a topic, one line at a time (constant memory whatever the body's size).</summary>
    public async Task<UploadResult> UploadAsync(UploadPayload payload, Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        long count = 0, number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ArchiveLine entry;
            try
            {
                entry = JsonSerializer.Deserialize(line, LoggerJsonReader.ArchiveLine) ?? throw new JsonException("the line is null");
            }
            catch (JsonException e)
            {
                throw new ValidationException($"line {number}: {e.Message}", e);
            }

            ValidationErrors? errors = null;
            entry.Validate(ref errors);
            if (errors is not null)
            {
                errors.Prefix(0, $"line[{number}]");
                throw errors.ToException();
            }

            await bus.PublishAsync(payload.Topic, entry.Message, entry.Level, cancellationToken);
            count++;
        }

        return new UploadResult { Count = count };
    }

    /// <summary>Stream the retained entries of a topic as NDJSON, one LogRecord a line.</summary>
    public async Task DownloadAsync(DownloadPayload payload, Stream body, CancellationToken cancellationToken)
    {
        await using var entries = bus.RetainedAsync(payload.Topic, cancellationToken).GetAsyncEnumerator(cancellationToken);
        if (!await entries.MoveNextAsync())
        {
            // Before the first byte of the body: the response is still a plain 404.
            throw LoggerErrors.NotFound($"no entry is retained for topic '{payload.Topic}'");
        }

        var line = new System.Buffers.ArrayBufferWriter<byte>(256);
        using var json = new Utf8JsonWriter(line);
        do
        {
            var entry = entries.Current;
            line.ResetWrittenCount();
            json.Reset(line);
            JsonSerializer.Serialize(json, entry, LoggerJsonContext.Default.LogRecord);
            json.Flush();
            System.Buffers.BuffersExtensions.Write(line, "\n"u8);
            await body.WriteAsync(line.WrittenMemory, cancellationToken);
        }
        while (await entries.MoveNextAsync());
    }

    /// <summary>The most recent retained entries of a topic, oldest first.</summary>
    public async Task<RecentResult> RecentAsync(RecentPayload payload, CancellationToken cancellationToken) =>
        new() { Entries = [.. await bus.RecentAsync(payload.Topic, payload.Limit, cancellationToken)] };
}
