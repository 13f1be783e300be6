using System.Text.Json;
using Acme.Logger;

namespace StreamGen.Benchmarks;

/// <summary>
/// What every server streams in the current run. The servers read it per request instead of from the request itself,
/// so every transport carries exactly the same subscribe call and the same items.
/// </summary>
internal sealed class Workload
{
    public const string Topic = "bench";

    public SubscribeResult Item { get; private set; } = Create(100);

    public int Count { get; private set; }

    /// <summary>Pause between two `events` items (the SSE reconnect scenario paces its stream), or none.</summary>
    public TimeSpan? EventInterval { get; set; }

    /// <summary>Bytes the raw download writes (and the raw upload is expected to carry).</summary>
    public long BodyBytes { get; set; }

    /// <summary>The item as the `events` (SSE) and `watch` streams carry it: the same fields, plus an id.</summary>
    public LogRecord Record(long id) => new() { Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Timestamp = Item.Timestamp, Topic = Item.Topic, Message = Item.Message, Level = Item.Level };

    public void Set(SubscribeResult item, int count)
    {
        Item = item;
        Count = count;
    }

    /// <summary>An item whose JSON (as the generated context writes it) is <paramref name="jsonBytes"/> bytes long.</summary>
    public static SubscribeResult Create(int jsonBytes)
    {
        var empty = new SubscribeResult { Timestamp = "2025-06-01T12:34:56.789Z", Message = "", Topic = Topic, Level = Level.Info };
        var overhead = JsonSerializer.SerializeToUtf8Bytes(empty, LoggerJsonContext.Default.SubscribeResult).Length;
        var message = string.Create(Math.Max(1, jsonBytes - overhead), 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });
        return empty with { Message = message };
    }

    /// <summary>Guards the figures: a transport that dropped or mangled items must not look fast.</summary>
    public int Verify(int received, string? lastMessage)
    {
        if (received != Count || lastMessage != Item.Message)
        {
            throw new InvalidOperationException($"expected {Count} items ending with the workload's message, got {received}");
        }

        return received;
    }

    public static int JsonLength(SubscribeResult item) =>
        JsonSerializer.SerializeToUtf8Bytes(item, LoggerJsonContext.Default.SubscribeResult).Length;
}
