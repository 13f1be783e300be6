using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace StreamGen.Runtime.Redis;

/// <summary>
/// A Redis stream entry id, <c>milliseconds-sequence</c> (https://redis.io/docs/latest/develop/data-types/streams/#entry-ids):
/// time-ordered, compared numerically part by part. <c>0</c> (or <c>0-0</c>) is before every entry.
/// </summary>
public readonly record struct RedisStreamId(ulong Milliseconds, ulong Sequence) : IComparable<RedisStreamId>
{
    /// <summary>The id before every entry.</summary>
    public static RedisStreamId Zero { get; }

    /// <summary>Parses <c>ms-seq</c> or <c>ms</c> (sequence 0), digits only; false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out RedisStreamId id)
    {
        id = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var milliseconds = dash < 0 ? text.AsSpan() : text.AsSpan(0, dash);
        var sequence = dash < 0 ? "0".AsSpan() : text.AsSpan(dash + 1);
        if (!ulong.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !ulong.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }

        id = new RedisStreamId(ms, seq);
        return true;
    }

    /// <summary>Parses an id Redis returned.</summary>
    public static RedisStreamId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a Redis stream id (milliseconds-sequence)");

    public int CompareTo(RedisStreamId other)
    {
        var milliseconds = Milliseconds.CompareTo(other.Milliseconds);
        return milliseconds != 0 ? milliseconds : Sequence.CompareTo(other.Sequence);
    }

    public static bool operator <(RedisStreamId left, RedisStreamId right) => left.CompareTo(right) < 0;

    public static bool operator >(RedisStreamId left, RedisStreamId right) => left.CompareTo(right) > 0;

    public static bool operator <=(RedisStreamId left, RedisStreamId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RedisStreamId left, RedisStreamId right) => left.CompareTo(right) >= 0;

    /// <summary>The id as Redis writes it: <c>ms-seq</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
