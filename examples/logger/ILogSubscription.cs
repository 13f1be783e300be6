namespace Acme.Logger;

/// <summary>One subscriber of an <see cref="ILogBus"/>: its topics and its entries. Dispose it to unsubscribe.</summary>
public interface ILogSubscription : IDisposable
{
    /// <summary>Adds a topic (see <see cref="ILogBus.WatchAsync"/>); the design's <c>gone</c> when its entries after since are no longer all retained.</summary>
    ValueTask AddAsync(string topic, CancellationToken cancellationToken = default);

    /// <summary>Removes a topic: none of its entries is delivered from now on.</summary>
    void Remove(string topic);

    /// <summary>The entries as they come, until canceled; throws what ended the subscription.</summary>
    IAsyncEnumerable<LogRecord> ReadAllAsync(CancellationToken cancellationToken);
}
