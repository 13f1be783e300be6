using StreamGen.Diagnostics;

namespace StreamGen.Design;

/// <summary>Where a key, item or mapping entry of a design element was written: its value, and its key when it has one.</summary>
internal sealed class RecordedSpans
{
    public SourceSpan Value { get; set; }

    public SourceSpan Key { get; private set; }

    /// <summary>Whether <see cref="Key"/> was recorded (a sequence item has a value only).</summary>
    public bool HasKey { get; private set; }

    public void SetKey(SourceSpan key, SourceSpan value)
    {
        Key = key;
        HasKey = true;
        Value = value;
    }
}
