// Created by streamgen once; yours to edit: streamgen never overwrites it (gen/ holds what it regenerates).
// Template: scaffold/service.cs.sbn (override it with --templates DIR).
using Acme.Counter.Runtime;

namespace Acme.Counter;

/// <summary>A counter anyone can bump and watch</summary>
public sealed class CounterService : ICounterService
{
    /// <summary>Adds to the counter</summary>
    public Task<Tick> BumpAsync(BumpPayload payload, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "counter.bump is not implemented yet");

    /// <summary>Streams every tick from now on</summary>
    public Task WatchAsync(IWatchServerStream stream, CancellationToken cancellationToken) =>
        throw new ServiceError("not_implemented", "counter.watch is not implemented yet");
}
