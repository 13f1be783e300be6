using System.Collections.Concurrent;

namespace StreamGen.E2E.Tests.Support;

/// <summary>What the server's handlers observed, recorded as they happen so tests can wait for them.</summary>
public sealed class Observations
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<string> Events => _events.ToArray();

    public void Record(string observation)
    {
        _events.Enqueue(observation);
        TaskCompletionSource changed;
        lock (_gate)
        {
            (changed, _changed) = (_changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        changed.TrySetResult();
    }

    /// <summary>Waits until <paramref name="observation"/> has been recorded; fails the test after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(string observation, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (_events.Contains(observation))
            {
                return;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                Assert.Fail($"The server never observed '{observation}'. It observed: {string.Join(", ", _events)}");
            }

            await Task.WhenAny(changed, Task.Delay(left));
        }
    }
}
