using System.Runtime.CompilerServices;
using Acme.Logger;
using Microsoft.AspNetCore.SignalR;

namespace StreamGen.Benchmarks;

/// <summary>
/// The fan-out baseline: a SignalR streaming hub method over the logger's bus, what one would write by hand to serve
/// `subscribe` with SignalR (a subscription per stream, each entry yielded as the same SubscribeResult).
/// </summary>
internal sealed class BusHub(LogBus bus) : Hub
{
    public async IAsyncEnumerable<SubscribeResult> Subscribe(string topic, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = bus.Subscribe(topic, since: null);
        await foreach (var entry in subscription.ReadAllAsync(cancellationToken))
        {
            yield return new SubscribeResult { Timestamp = entry.Timestamp!, Message = entry.Message, Topic = entry.Topic, Level = entry.Level, Id = entry.Id };
        }
    }
}
