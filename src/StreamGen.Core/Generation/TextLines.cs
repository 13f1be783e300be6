namespace StreamGen.Generation;

/// <summary>
/// The lines of a text as ranges of it, split at '\n' and without trailing whitespace (so a '\r' before the '\n' goes
/// too): what <c>text.Split('\n')</c> followed by <c>TrimEnd()</c> gives, without a string per line.
/// </summary>
internal sealed class TextLines
{
    private readonly int[] _starts;
    private readonly int[] _lengths;

    private TextLines(int[] starts, int[] lengths)
    {
        _starts = starts;
        _lengths = lengths;
    }

    /// <summary>How many lines: one more than the text has '\n's (the text after the last one is a line, maybe empty).</summary>
    public int Count => _starts.Length;

    public static TextLines Of(string text)
    {
        var count = 1;
        for (var at = text.IndexOf('\n'); at >= 0; at = text.IndexOf('\n', at + 1))
        {
            count++;
        }

        var starts = new int[count];
        var lengths = new int[count];
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            var end = i < count - 1 ? text.IndexOf('\n', start) : text.Length;
            starts[i] = start;
            lengths[i] = text.AsSpan(start, end - start).TrimEnd().Length;
            start = end + 1;
        }

        return new TextLines(starts, lengths);
    }

    /// <summary>Line <paramref name="index"/> of <paramref name="text"/> (the text these lines were read from), trailing whitespace removed.</summary>
    public ReadOnlySpan<char> Line(string text, int index) => text.AsSpan(_starts[index], _lengths[index]);

    /// <summary>The index of the first non-blank line after <paramref name="index"/>, or -1.</summary>
    public int NextNonBlank(int index)
    {
        for (var i = index + 1; i < _lengths.Length; i++)
        {
            if (_lengths[i] > 0)
            {
                return i;
            }
        }

        return -1;
    }
}
