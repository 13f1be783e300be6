using System.Text.Json.Serialization;
using StreamGen.Diagnostics;

namespace StreamGen.Design;

/// <summary>
/// Base of every design class. The public properties are the format (the binder fills them and
/// NJsonSchema publishes them as the JSON Schema); the ignored members keep where each key and
/// value stood in the file, so every diagnostic can point at them.
/// </summary>
public abstract class DesignElement
{
    // One entry per key, item or mapping entry written in the file. Every entry has a value span; keys and mapping
    // entries also have a key span. A class for the value: a Dictionary over a struct value is generic code over a struct,
    // which ReadyToRun cannot precompile (the JIT compiled it at every start).
    private readonly Dictionary<string, RecordedSpans> _spans = new(StringComparer.Ordinal);

    /// <summary>Where the element's value starts.</summary>
    [JsonIgnore]
    public SourceSpan Span { get; internal set; }

    /// <summary>The key this element was declared under, when it is a value of a named mapping (a type, a method, an attribute).</summary>
    [JsonIgnore]
    public string Name { get; internal set; } = "";

    [JsonIgnore]
    public SourceSpan NameSpan { get; internal set; }

    /// <summary>Whether the key was written in the file (a default does not count).</summary>
    public bool Has(string key) => _spans.TryGetValue(key, out var spans) && spans.HasKey;

    /// <summary>Where the value of <paramref name="key"/> starts, or the element itself when the key is absent.</summary>
    public SourceSpan SpanOf(string key) => _spans.TryGetValue(key, out var spans) ? spans.Value : Span;

    public SourceSpan KeySpanOf(string key) => _spans.TryGetValue(key, out var spans) && spans.HasKey ? spans.Key : Span;

    /// <summary>Where item <paramref name="index"/> of a sequence value starts.</summary>
    public SourceSpan ItemSpanOf(string key, int index) =>
        _spans.TryGetValue($"{key}[{index}]", out var spans) ? spans.Value : SpanOf(key);

    /// <summary>Where entry <paramref name="entryKey"/> of a mapping value is declared (its key).</summary>
    public SourceSpan EntrySpanOf(string key, string entryKey) =>
        _spans.TryGetValue($"{key}.{entryKey}", out var spans) && spans.HasKey ? spans.Key : SpanOf(key);

    /// <summary>Where the value of entry <paramref name="entryKey"/> of a mapping value starts.</summary>
    public SourceSpan EntryValueSpanOf(string key, string entryKey) =>
        _spans.TryGetValue($"{key}.{entryKey}", out var spans) ? spans.Value : EntrySpanOf(key, entryKey);

    internal void RecordKey(string key, SourceSpan keySpan, SourceSpan valueSpan) => Record(key).SetKey(keySpan, valueSpan);

    internal void RecordItem(string key, int index, SourceSpan span) => Record($"{key}[{index}]").Value = span;

    internal void RecordEntry(string key, string entryKey, SourceSpan keySpan, SourceSpan valueSpan) =>
        Record($"{key}.{entryKey}").SetKey(keySpan, valueSpan);

    private RecordedSpans Record(string path)
    {
        if (!_spans.TryGetValue(path, out var spans))
        {
            spans = new RecordedSpans();
            _spans.Add(path, spans);
        }

        return spans;
    }
}
