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
    private readonly Dictionary<string, SourceSpan> _keySpans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceSpan> _valueSpans = new(StringComparer.Ordinal);

    /// <summary>Where the element's value starts.</summary>
    [JsonIgnore]
    public SourceSpan Span { get; internal set; }

    /// <summary>The key this element was declared under, when it is a value of a named mapping (a type, a method, an attribute).</summary>
    [JsonIgnore]
    public string Name { get; internal set; } = "";

    [JsonIgnore]
    public SourceSpan NameSpan { get; internal set; }

    /// <summary>Whether the key was written in the file (a default does not count).</summary>
    public bool Has(string key) => _keySpans.ContainsKey(key);

    /// <summary>Where the value of <paramref name="key"/> starts, or the element itself when the key is absent.</summary>
    public SourceSpan SpanOf(string key) => _valueSpans.TryGetValue(key, out var span) ? span : Span;

    public SourceSpan KeySpanOf(string key) => _keySpans.TryGetValue(key, out var span) ? span : Span;

    /// <summary>Where item <paramref name="index"/> of a sequence value starts.</summary>
    public SourceSpan ItemSpanOf(string key, int index) =>
        _valueSpans.TryGetValue($"{key}[{index}]", out var span) ? span : SpanOf(key);

    /// <summary>Where entry <paramref name="entryKey"/> of a mapping value is declared (its key).</summary>
    public SourceSpan EntrySpanOf(string key, string entryKey) =>
        _keySpans.TryGetValue($"{key}.{entryKey}", out var span) ? span : SpanOf(key);

    /// <summary>Where the value of entry <paramref name="entryKey"/> of a mapping value starts.</summary>
    public SourceSpan EntryValueSpanOf(string key, string entryKey) =>
        _valueSpans.TryGetValue($"{key}.{entryKey}", out var span) ? span : EntrySpanOf(key, entryKey);

    internal void RecordKey(string key, SourceSpan keySpan, SourceSpan valueSpan)
    {
        _keySpans[key] = keySpan;
        _valueSpans[key] = valueSpan;
    }

    internal void RecordItem(string key, int index, SourceSpan span) => _valueSpans[$"{key}[{index}]"] = span;

    internal void RecordEntry(string key, string entryKey, SourceSpan keySpan, SourceSpan valueSpan)
    {
        _keySpans[$"{key}.{entryKey}"] = keySpan;
        _valueSpans[$"{key}.{entryKey}"] = valueSpan;
    }
}
