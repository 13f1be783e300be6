using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StackExchange.Redis;

namespace StreamGen.Runtime.Redis;

/// <summary>
/// The broadcast's data in Redis, over the commands connection: one stream per key (<c>{prefix}s:{key}</c>, field
/// <c>d</c> holds the item's JSON) and one bookkeeping hash (<c>{prefix}meta</c>: <c>origin</c>, the data set's first id;
/// <c>last</c>, the last id issued; <c>trimmed:{key}</c>, the last id trimmed from a key). Commands that fail because
/// Redis cannot be reached throw <see cref="RedisStreamUnavailableException"/>, except where a method says otherwise.
/// </summary>
internal sealed class RedisStreamStore<T>(IConnectionMultiplexer commands, JsonTypeInfo<T> typeInfo, RedisStreamOptions options, Func<T, string, T>? withId)
{
    private const string DataField = "d";
    private readonly RedisKey _meta = options.KeyPrefix + "meta";
    private readonly string _streamPrefix = options.KeyPrefix + "s:";

    public IDatabase Database => commands.GetDatabase();

    /// <summary>The bookkeeping hash (<c>XREAD</c> on the reader's connection asks it for the origin too).</summary>
    public RedisKey Meta => _meta;

    public RedisKey StreamKey(string key) => _streamPrefix + key;

    /// <summary>The broadcast's key of a Redis stream key that <c>XREAD</c> returned.</summary>
    public string KeyOf(string streamKey) => streamKey[_streamPrefix.Length..];

    public async Task<string> PublishAsync(string key, T item)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(item, typeInfo);
        try
        {
            var id = await Database.ScriptEvaluateAsync(
                RedisStreamScripts.Publish,
                [StreamKey(key), _meta],
                [options.Retain, options.Slack, TrimmedField(key), payload]).ConfigureAwait(false);
            return (string)id!;
        }
        catch (Exception e) when (RedisFailures.IsUnavailable(e))
        {
            throw RedisFailures.Unavailable(e);
        }
    }

    /// <summary>The data set's first id (null: nothing published yet) and the last id issued (zero: none).</summary>
    public async Task<(RedisStreamId? Origin, RedisStreamId Last)> MetaAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RedisValue[] values;
        try
        {
            values = await Database.HashGetAsync(_meta, ["origin", "last"]).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailures.IsUnavailable(e))
        {
            throw RedisFailures.Unavailable(e);
        }

        return (values[0].IsNull ? null : RedisStreamId.Parse(values[0]!), Id(values[1]));
    }

    /// <summary>The last id trimmed from <paramref name="key"/> (zero: none was).</summary>
    public async Task<RedisStreamId> TrimmedAsync(string key)
    {
        try
        {
            return Id(await Database.HashGetAsync(_meta, TrimmedField(key)).ConfigureAwait(false));
        }
        catch (Exception e) when (RedisFailures.IsUnavailable(e))
        {
            throw RedisFailures.Unavailable(e);
        }
    }

    /// <summary>
    /// For subscribers catching up: the data set's origin, and for each key the last id trimmed and the next batch after
    /// its position (<c>XRANGE</c>). Lets Redis' own exceptions through (the caller waits and retries).
    /// </summary>
    public async Task<(RedisValue Origin, RedisStreamId[] Trimmed, RedisStreamEntry<T>[][] Ranges)> CatchUpReadAsync(IReadOnlyList<(string Key, RedisStreamId Position)> positions)
    {
        var database = Database;
        var originTask = database.HashGetAsync(_meta, "origin");
        var trimmedTask = database.HashGetAsync(_meta, [.. positions.Select(p => (RedisValue)TrimmedField(p.Key))]);
        var rangeTasks = positions.Select(p => database.StreamRangeAsync(StreamKey(p.Key), After(p.Position).ToString(), "+", options.ReadBatch)).ToArray();
        var origin = await originTask.ConfigureAwait(false);
        var trimmed = await trimmedTask.ConfigureAwait(false);
        var ranges = await Task.WhenAll(rangeTasks).ConfigureAwait(false);
        return (origin, [.. trimmed.Select(Id)], [.. ranges.Select((range, i) => range.Select(entry => Entry(positions[i].Key, entry)).ToArray())]);
    }

    /// <summary>The last <paramref name="count"/> entries <paramref name="key"/> retains, oldest first (<c>XREVRANGE</c>).</summary>
    public async Task<IReadOnlyList<(string Id, T Item)>> LatestAsync(string key, int count)
    {
        StreamEntry[] entries;
        try
        {
            entries = await Database.StreamRangeAsync(StreamKey(key), "-", "+", count, Order.Descending).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailures.IsUnavailable(e))
        {
            throw RedisFailures.Unavailable(e);
        }

        var result = new (string Id, T Item)[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[entries.Length - 1 - i];
            result[i] = (entry.Id!, Deserialize(entry[DataField], entry.Id!));
        }

        return result;
    }

    /// <summary>Every entry <paramref name="key"/> retains, oldest first, read a batch at a time (<c>XRANGE</c>).</summary>
    public async IAsyncEnumerable<(string Id, T Item)> RetainedAsync(string key, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RedisValue from = "-";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            StreamEntry[] entries;
            try
            {
                entries = await Database.StreamRangeAsync(StreamKey(key), from, "+", options.ReadBatch).ConfigureAwait(false);
            }
            catch (Exception e) when (RedisFailures.IsUnavailable(e))
            {
                throw RedisFailures.Unavailable(e);
            }

            foreach (var entry in entries)
            {
                yield return (entry.Id!, Deserialize(entry[DataField], entry.Id!));
            }

            if (entries.Length < options.ReadBatch)
            {
                yield break;
            }

            from = After(RedisStreamId.Parse(entries[^1].Id!)).ToString();
        }
    }

    /// <summary>One entry of an <c>XREAD</c> reply (id, then field/value pairs), deserialized once.</summary>
    public RedisStreamEntry<T> Entry(string key, RedisResult[] parts)
    {
        var id = (string)parts[0]!;
        var fields = (RedisResult[])parts[1]!;
        RedisValue payload = default;
        for (var f = 0; f + 1 < fields.Length; f += 2)
        {
            if ((string?)fields[f] == DataField)
            {
                payload = (RedisValue)fields[f + 1];
            }
        }

        return new RedisStreamEntry<T>(RedisStreamId.Parse(id), id, key, Deserialize(payload, id));
    }

    public static RedisStreamId Id(RedisValue value) => value.IsNull ? RedisStreamId.Zero : RedisStreamId.Parse(value!);

    private RedisStreamEntry<T> Entry(string key, StreamEntry entry)
    {
        var id = entry.Id.ToString();
        return new RedisStreamEntry<T>(RedisStreamId.Parse(id), id, key, Deserialize(entry[DataField], id));
    }

    private T Deserialize(RedisValue payload, string id)
    {
        var item = JsonSerializer.Deserialize((ReadOnlySpan<byte>)(byte[])payload!, typeInfo)
            ?? throw new JsonException($"stream entry {id} holds null");
        return withId is null ? item : withId(item, id);
    }

    private static string TrimmedField(string key) => "trimmed:" + key;

    private static RedisStreamId After(RedisStreamId id) => new(id.Milliseconds, id.Sequence + 1);
}
