namespace Acme.Logger;

/// <summary>Settings of the bus: configuration section "Logger" (e.g. --Logger:Retain=500).</summary>
public sealed class LogBusOptions
{
    /// <summary>
    /// Entries each topic retains for recent, download and resumption (since, Last-Event-ID), and from which a subscriber
    /// that fell behind its queue catches up: how far behind a subscriber may fall before it is cut off.
    /// </summary>
    public int Retain { get; set; } = 1000;

    /// <summary>
    /// Entries queued per subscriber. A subscriber whose queue is full holds no publisher back: it reads the entries it
    /// missed from what its topics retain, the queue's capacity at a time, and so costs at most its queue.
    /// </summary>
    public int SubscriberQueue { get; set; } = 1024;

    /// <summary>
    /// How long a subscriber that fell behind its queue may read nothing before it is cut off (and counted in publish's
    /// dropped). Checked by a timer while some subscriber is behind; no publisher ever waits for it.
    /// </summary>
    public TimeSpan SubscriberTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a publish waits, at most, for a subscriber that is behind and has yet to read the oldest entry of the
    /// topic, which the publish would evict, before it cuts that subscriber off; the wait ends as soon as the subscriber
    /// reads past the entry, and counts from the last entry it read (bounded by <see cref="SubscriberTimeout"/>). So a
    /// subscriber that keeps reading, even slower than the publishers, holds them to its pace once it is a queue and the
    /// retained entries behind, and never loses an entry; a stalled one holds a publisher back for at most this, once.
    /// A full queue never makes a publisher wait. Zero: no publish ever waits, and a subscriber slower than the
    /// publishers is cut off once it falls behind what its topic retains.
    /// </summary>
    public TimeSpan EvictionWait { get; set; } = TimeSpan.FromMilliseconds(250);
}
