using System.Globalization;
using Acme.Logger;
using Acme.Logger.Runtime;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace StreamGen.E2E.Tests.Logger;

/// <summary>
/// The example's in-process bus on its own (issue 10.1): a full queue never makes a publisher wait; a subscriber whose
/// queue is full catches up from what its topics retain, in id order with no gap and no duplicate, and costs at most its
/// queue; one that keeps reading holds a publisher that would evict its next entry to its pace; one that falls behind
/// the retained window anyway, or reads nothing for the timeout once behind, is cut off and counted.
/// </summary>
public sealed class LogBusTests
{
    [Fact]
    public async Task A_publisher_never_waits_for_a_subscriber_whose_queue_is_full_and_the_subscriber_holds_at_most_its_queue()
    {
        using var bus = Bus(queue: 4, retain: 1000);
        using var stalled = bus.Subscribe("t", since: null);

        for (var i = 0; i < 500; i++)
        {
            var publish = bus.PublishAsync("t", $"{i}", Level.Info);
            Assert.True(publish.IsCompletedSuccessfully, $"publish {i} waited");
            Assert.Equal(0, (await publish).CutOff);
        }

        Assert.Equal(4, stalled.Queued);
        Assert.Equal(0, bus.CutOff);
        Assert.Equal(Numbers(0, 500), await TakeAsync(stalled, 500));
    }

    [Fact]
    public async Task A_subscriber_behind_its_queue_but_within_the_retained_window_gets_every_entry_in_order_then_live_ones()
    {
        using var bus = Bus(queue: 8, retain: 300);
        using var slow = bus.Subscribe("t", since: null);

        await PublishAsync(bus, "t", 0, 250);
        var first = await TakeRecordsAsync(slow, 100);
        await PublishAsync(bus, "t", 250, 150);
        var rest = await TakeRecordsAsync(slow, 300);
        await PublishAsync(bus, "t", 400, 3);
        var live = await TakeRecordsAsync(slow, 3);

        var all = first.Concat(rest).Concat(live).ToList();
        Assert.Equal(Numbers(0, 403), all.Select(r => r.Message));
        var ids = all.Select(r => long.Parse(r.Id!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(0, bus.CutOff);
        Assert.Equal(0, slow.Queued);
    }

    [Fact]
    public async Task A_subscriber_that_falls_behind_the_retained_window_is_cut_off_by_that_publish_and_counted_while_others_get_everything()
    {
        using var bus = Bus(queue: 4, retain: 10, evictionWait: TimeSpan.Zero);
        using var stalled = bus.Subscribe("t", since: null);
        using var reader = bus.Subscribe("t", since: null);

        var cutOff = new List<int>();
        var read = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            cutOff.Add((await bus.PublishAsync("t", $"{i}", Level.Info)).CutOff);
            read.AddRange(await TakeAsync(reader, 1));
        }

        // Behind from entry 4 on (its queue holds 0-3); entry 4 is evicted by the 15th publish (index 14).
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i == 14 ? 1 : 0), cutOff);
        Assert.Equal(1, bus.CutOff);
        Assert.Equal(1, bus.SubscriberCount);
        Assert.Equal(0, stalled.Queued);
        var error = await Assert.ThrowsAsync<StreamStalledException>(() => TakeAsync(stalled, 1));
        Assert.Contains("10 entries topic 't' retains", error.Message, StringComparison.Ordinal);
        Assert.Equal(Numbers(0, 40), read);
    }

    [Fact]
    public async Task A_stalled_subscriber_holds_a_publish_that_would_evict_its_next_entry_back_for_at_most_the_eviction_wait()
    {
        var clock = new FakeTimeProvider();
        using var bus = Bus(queue: 4, retain: 10, evictionWait: TimeSpan.FromMilliseconds(250), clock: clock);
        using var stalled = bus.Subscribe("t", since: null);
        await PublishAsync(bus, "t", 0, 14);

        // The 15th entry evicts entry 4, the first one the stalled subscriber (behind since entry 4) has yet to read.
        var publish = bus.PublishAsync("t", "14", Level.Info).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(200));
        await Task.Delay(50);
        Assert.False(publish.IsCompleted);
        Assert.Equal(0, bus.CutOff);
        clock.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal(1, (await publish.WaitAsync(TimeSpan.FromSeconds(10))).CutOff);
        Assert.Equal(1, bus.CutOff);
        var next = bus.PublishAsync("t", "15", Level.Info);
        Assert.True(next.IsCompletedSuccessfully);
        await Assert.ThrowsAsync<StreamStalledException>(() => TakeAsync(stalled, 1));
    }

    [Fact]
    public async Task A_subscriber_that_keeps_reading_slower_than_the_publisher_holds_it_to_its_pace_and_gets_every_entry()
    {
        using var bus = Bus(queue: 4, retain: 10, evictionWait: TimeSpan.FromSeconds(2));
        using var slow = bus.Subscribe("t", since: null);
        var reading = Task.Run(async () =>
        {
            var messages = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await foreach (var record in slow.ReadAllAsync(timeout.Token))
            {
                messages.Add(record.Message);
                if (messages.Count == 200)
                {
                    break;
                }

                await Task.Delay(1);
            }

            return messages;
        });

        await PublishAsync(bus, "t", 0, 200);

        Assert.Equal(Numbers(0, 200), await reading);
        Assert.Equal(0, bus.CutOff);
    }

    [Fact]
    public async Task A_subscriber_that_reads_nothing_for_the_timeout_once_behind_is_cut_off_by_the_timer_not_by_a_publisher()
    {
        var clock = new FakeTimeProvider();
        using var bus = Bus(queue: 2, retain: 1000, timeout: TimeSpan.FromSeconds(5), clock: clock);
        using var stalled = bus.Subscribe("t", since: null);
        using var steady = bus.Subscribe("t", since: null);

        await PublishAsync(bus, "t", 0, 10);
        for (var second = 0; second < 4; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            // The steady one is behind too, but reads an entry every 2 s: progress, so it is never cut off.
            Assert.Equal([$"{second}"], await TakeAsync(steady, 1));
        }

        Assert.Equal(1, bus.CutOff);
        Assert.Equal(1, bus.SubscriberCount);
        await Assert.ThrowsAsync<StreamStalledException>(() => TakeAsync(stalled, 1));
        Assert.Equal(Numbers(4, 6), await TakeAsync(steady, 6));
    }

    [Fact]
    public async Task A_watch_that_falls_behind_catches_up_across_its_topics_in_id_order_with_no_gap_and_no_duplicate()
    {
        using var bus = Bus(queue: 4, retain: 200);
        using var watch = bus.Watch(since: null);
        watch.Add("a");
        watch.Add("b");
        var topics = new[] { "a", "b", "c" };

        for (var i = 0; i < 300; i++)
        {
            await bus.PublishAsync(topics[i % 3], $"{i}", Level.Info);
        }

        var received = await TakeRecordsAsync(watch, 200);
        Assert.Equal(Enumerable.Range(0, 300).Where(i => i % 3 != 2).Select(i => $"{i}"), received.Select(r => r.Message));
        var ids = received.Select(r => long.Parse(r.Id!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(0, bus.CutOff);
    }

    [Fact]
    public async Task A_topic_added_while_behind_starts_from_the_add_and_a_removed_one_stops()
    {
        using var bus = Bus(queue: 2, retain: 100);
        using var watch = bus.Watch(since: null);
        watch.Add("a");
        await PublishAsync(bus, "a", 0, 5);
        await bus.PublishAsync("b", "b-before-add", Level.Info);
        watch.Add("b");
        await bus.PublishAsync("b", "b-after-add", Level.Info);
        await bus.PublishAsync("a", "5", Level.Info);

        Assert.Equal(["0", "1", "2", "3", "4", "b-after-add", "5"], await TakeAsync(watch, 7));

        watch.Remove("a");
        await bus.PublishAsync("a", "a-after-remove", Level.Info);
        await bus.PublishAsync("b", "b-last", Level.Info);
        Assert.Equal(["b-last"], await TakeAsync(watch, 1));
    }

    [Fact]
    public async Task Since_replays_more_retained_entries_than_the_queue_holds_then_continues_live()
    {
        using var bus = Bus(queue: 4, retain: 100);
        var first = await bus.PublishAsync("t", "0", Level.Info);
        await PublishAsync(bus, "t", 1, 49);
        using var resumed = bus.Subscribe("t", first.Record.Id);
        await PublishAsync(bus, "t", 50, 10);

        Assert.Equal(Numbers(1, 59), await TakeAsync(resumed, 59));
        Assert.Equal(0, bus.CutOff);
    }

    [Fact]
    public async Task A_subscriber_that_leaves_while_behind_counts_as_cut_off_and_one_that_keeps_up_does_not()
    {
        using var bus = Bus(queue: 2, retain: 100);
        var behind = bus.Subscribe("t", since: null);
        var keepingUp = bus.Subscribe("u", since: null);
        await PublishAsync(bus, "t", 0, 5);
        await bus.PublishAsync("u", "u", Level.Info);
        keepingUp.Dispose();
        behind.Dispose();
        behind.Dispose();

        Assert.Equal(1, bus.CutOff);
        Assert.Equal(0, bus.SubscriberCount);
    }

    private static LogBus Bus(int queue, int retain, TimeSpan? timeout = null, TimeProvider? clock = null, TimeSpan? evictionWait = null) =>
        new(Options.Create(new LogBusOptions
        {
            SubscriberQueue = queue,
            Retain = retain,
            SubscriberTimeout = timeout ?? TimeSpan.FromSeconds(5),
            EvictionWait = evictionWait ?? TimeSpan.FromMilliseconds(250),
        }), clock);

    private static async Task PublishAsync(LogBus bus, string topic, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            await bus.PublishAsync(topic, i.ToString(CultureInfo.InvariantCulture), Level.Info);
        }
    }

    private static IEnumerable<string> Numbers(int from, int count) => Enumerable.Range(from, count).Select(i => i.ToString(CultureInfo.InvariantCulture));

    private static async Task<List<string>> TakeAsync(ILogSubscription subscription, int count) =>
        [.. (await TakeRecordsAsync(subscription, count)).Select(r => r.Message)];

    private static async Task<List<LogRecord>> TakeRecordsAsync(ILogSubscription subscription, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var records = new List<LogRecord>(count);
        await foreach (var record in subscription.ReadAllAsync(timeout.Token))
        {
            records.Add(record);
            if (records.Count == count)
            {
                break;
            }
        }

        return records;
    }
}
