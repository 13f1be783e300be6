// The logger example's log bus, behind an interface (hand-written; streamgen never touches it): LogBus keeps entries in
// this process, RedisLogBus in Redis Streams, shared by every instance. Logger:Bus chooses (LogBusRegistration).
namespace Acme.Logger;

/// <summary>
/// Where the logger's entries go and come from. Every subscriber gets every entry of its topics after its start, in id
/// order, with no gap and no duplicate; ids are unique, increasing strings, opaque to clients (pass one back as since).
/// Errors are the design's: <c>gone</c> for an id the bus cannot resume after, <c>unavailable</c> when its store cannot
/// be reached; a subscriber too slow to keep up ends with the runtime's <c>StreamStalledException</c>. No publisher waits
/// for a subscriber: one that falls behind its queue catches up from what its topics retain, and is cut off when it falls
/// behind that too or reads nothing for <see cref="LogBusOptions.SubscriberTimeout"/>.
/// </summary>
public interface ILogBus
{
    /// <summary>
    /// Subscribers of this process cut off since the bus started (a running count): publish's <c>dropped</c> is its
    /// growth from the start of the publish stream to its last entry stored, that is, the subscribers cut off while that
    /// publish ran, whatever their topics.
    /// </summary>
    long CutOff { get; }

    /// <summary>
    /// Appends an entry to its topic; returns it (with its id and timestamp) once stored, never waiting for a subscriber,
    /// and how many subscribers were cut off during this call.
    /// </summary>
    ValueTask<(LogRecord Record, int CutOff)> PublishAsync(string topic, string message, Level level, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to one topic: entries from now on or, with <paramref name="since"/>, the retained entries after that id first.</summary>
    ValueTask<ILogSubscription> SubscribeAsync(string topic, string? since, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to a changing set of topics, empty at first; with <paramref name="since"/>, each topic replays its retained entries after that id the first time it is added.</summary>
    ValueTask<ILogSubscription> WatchAsync(string? since, CancellationToken cancellationToken = default);

    /// <summary>The last <paramref name="limit"/> retained entries of a topic, oldest first (empty when it has none).</summary>
    ValueTask<IReadOnlyList<LogRecord>> RecentAsync(string topic, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every retained entry of a topic, oldest first.</summary>
    IAsyncEnumerable<LogRecord> RetainedAsync(string topic, CancellationToken cancellationToken = default);
}
