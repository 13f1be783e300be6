using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.ServerSentEvents;

/// <summary>
/// The server writes events with its own <c>PipeWriter</c> writer rather than <see cref="SseFormatter"/> (issue 11.0 keeps
/// it only as long as it is the faster one): these run the formatter's cases against it. The same events go through both;
/// both outputs are read back with <see cref="SseParser"/> and must give equal items (type, data, id, retry), and where
/// the event stream format allows a single form (one JSON line of data, fields the formatter writes in the same order)
/// the bytes must be equal too.
/// </summary>
public sealed class SseFormatterComparisonTests
{
    /// <summary>One event: its JSON message and the fields beside data (null: the line is left out).</summary>
    public sealed record Case(string Text, string? Id, string? Event, long? Retry);

    public static TheoryData<string, Case[]> Cases => new()
    {
        { "plain", [new("hello", null, null, null)] },
        { "id, event and retry", [new("first", "41", "log", 1500), new("second", "42", "log", null)] },
        { "empty text", [new("", "1", null, null)] },
        { "LF in data", [new("line one\nline two", "1", "warn", null)] },
        { "CR in data", [new("line one\rline two", "2", null, null)] },
        { "CRLF in data", [new("line one\r\nline two\r\n", "3", null, null)] },
        { "multi-line data", [new("a\nb\n\nc\n", null, "multi", null)] },
        { "unicode", [new("héllo wörld ✓ 日本語 🎉", "id-é-🎉", "événement", null)] },
        { "empty id resets the last id", [new("x", "7", null, null), new("y", "", null, null)] },
        { "retry alone", [new("r", null, null, 0), new("s", null, null, 86_400_000)] },
        { "data with colon and field-like text", [new("data: not a field\nid: 9", "10", "e:v", null)] },
        { "many events", Enumerable.Range(0, 50).Select(i => new Case($"entry {i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 2 == 0 ? "even" : null, null)).ToArray() },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Both_writers_parse_back_to_the_same_events(string name, Case[] events)
    {
        var ours = await WriteOursAsync(events);
        var theirs = await WriteFormatterAsync(events);

        var parsedOurs = await ParseAsync(ours);
        var parsedTheirs = await ParseAsync(theirs);

        Assert.True(parsedOurs.SequenceEqual(parsedTheirs), $"{name}:\nours:   {Show(ours)}\ntheirs: {Show(theirs)}");
        Assert.Equal(events.Length, parsedOurs.Count);
        Assert.Equal(events.Select(e => e.Text), parsedOurs.Select(e => JsonSerializer.Deserialize(e.Data, TestJson.Default.Message)!.Text));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Both_writers_write_the_same_bytes(string name, Case[] events)
    {
        // JSON data is one line whatever the message holds (line breaks are escaped), so the format allows one form.
        var ours = await WriteOursAsync(events);
        var theirs = await WriteFormatterAsync(events);

        Assert.True(ours.AsSpan().SequenceEqual(theirs), $"{name}:\nours:   {Show(ours)}\ntheirs: {Show(theirs)}");
    }

    [Fact]
    public async Task A_value_the_formatter_would_split_or_alter_is_refused_by_ours_instead()
    {
        // SseFormatter writes an id with a line break as it is (an injected field); ours refuses it at send time.
        var (context, _) = HttpContexts.WithResponseBody();
        await using var stream = new TestEventStream(context);

        await Assert.ThrowsAsync<ValidationException>(async () => await stream.SendAsync(new Message("x"), id: "1\nevent: injected"));
        await Assert.ThrowsAsync<ValidationException>(async () => await stream.SendAsync(new Message("x"), eventName: "a\rb"));
    }

    private static async Task<byte[]> WriteOursAsync(Case[] events)
    {
        var (context, body) = HttpContexts.WithResponseBody();
        await using var stream = new TestEventStream(context);
        foreach (var e in events)
        {
            await stream.SendAsync(new Message(e.Text), e.Id, e.Event, e.Retry);
        }

        await stream.CompleteAsync(null, static _ => 0);
        return body.ToArray();
    }

    private static async Task<byte[]> WriteFormatterAsync(Case[] events)
    {
        using var body = new MemoryStream();
        await SseFormatter.WriteAsync(Items(events), body, static (item, writer) =>
        {
            using var json = new Utf8JsonWriter(writer);
            JsonSerializer.Serialize(json, item.Data, TestJson.Default.Message);
        });
        return body.ToArray();
    }

    private static async IAsyncEnumerable<SseItem<Message>> Items(Case[] events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new SseItem<Message>(new Message(e.Text), e.Event)
            {
                EventId = e.Id,
                ReconnectionInterval = e.Retry is { } retry ? TimeSpan.FromMilliseconds(retry) : null,
            };
        }
    }

    private static async Task<List<Parsed>> ParseAsync(byte[] bytes)
    {
        var parser = SseParser.Create(new MemoryStream(bytes), static (type, data) => Encoding.UTF8.GetString(data));
        var items = new List<Parsed>();
        await foreach (var item in parser.EnumerateAsync())
        {
            items.Add(new Parsed(item.EventType, item.Data, parser.LastEventId, parser.ReconnectionInterval));
        }

        return items;
    }

    private static string Show(byte[] bytes) => Encoding.UTF8.GetString(bytes).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed record Parsed(string EventType, string Data, string LastEventId, TimeSpan ReconnectionInterval);
}
