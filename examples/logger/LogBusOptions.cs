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
}
