using StreamGen.Runtime.Redis;

namespace Acme.Logger;

/// <summary>A subscriber of the <see cref="RedisLogBus"/>: a <see cref="RedisStreamSubscription{T}"/> whose errors are the design's.</summary>
public sealed class RedisLogSubscription(RedisStreamSubscription<LogRecord> subscription) : ILogSubscription
{
    public async ValueTask AddAsync(string topic, CancellationToken cancellationToken = default) =>
        await RedisLogBus.Translate(async () =>
        {
            await subscription.AddAsync(topic, cancellationToken);
            return true;
        });

    public void Remove(string topic) => subscription.Remove(topic);

    public async IAsyncEnumerable<LogRecord> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var entries = subscription.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await RedisLogBus.Translate(() => entries.MoveNextAsync().AsTask()))
        {
            yield return entries.Current.Item;
        }
    }

    public void Dispose() => subscription.Dispose();
}
