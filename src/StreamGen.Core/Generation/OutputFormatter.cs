using System.Text;

namespace StreamGen.Generation;

/// <summary>
/// Tidies rendered text without deciding any shape: '\n' newlines, no trailing spaces, at most one blank line in a
/// row, none just inside braces, one final newline. Templates stay readable; output stays stable.
/// </summary>
public static class OutputFormatter
{
    /// <summary>
    /// The tidied text. Every rendered file passes through here (10 MB of C# on a 1,000-method design), so lines are
    /// read as ranges of <paramref name="text"/> and copied once into the result, never split into strings of their own.
    /// </summary>
    public static string Tidy(string text)
    {
        var lines = TextLines.Of(text);
        var result = new StringBuilder(text.Length + 64);
        var previousBlank = true;

        // The last non-blank line written (-1: none yet), and for blank lines the first non-blank line after them
        // (found once per run of blank lines; int.MaxValue: there is none).
        var previous = -1;
        var nextNonBlank = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines.Line(text, i);
            var isBlank = line.IsEmpty;
            if (isBlank)
            {
                if (nextNonBlank <= i)
                {
                    nextNonBlank = lines.NextNonBlank(i) is var next and >= 0 ? next : int.MaxValue;
                }

                if (previousBlank || (previous >= 0 && lines.Line(text, previous) is [.., '{'])
                    || nextNonBlank == int.MaxValue || lines.Line(text, nextNonBlank).TrimStart().StartsWith('}'))
                {
                    continue;
                }
            }

            if (!isBlank && !previousBlank && previous >= 0 && lines.Line(text, previous).Trim() is "}" && NeedsBlankAfterBrace(line))
            {
                result.Append('\n');
            }

            result.Append(line).Append('\n');
            previousBlank = isBlank;
            if (!isBlank)
            {
                previous = i;
            }
        }

        return result.ToString();
    }

    /// <summary>A closing brace is followed by a blank line (as StyleCop's SA1513 asks) unless what follows continues the statement.</summary>
    private static bool NeedsBlankAfterBrace(ReadOnlySpan<char> next)
    {
        var text = next.TrimStart();
        return !(text.StartsWith('}') || text.StartsWith(')') || text.StartsWith(',') || text.StartsWith(';') || text.StartsWith('.')
            || text.StartsWith("else", StringComparison.Ordinal) || text.StartsWith("catch", StringComparison.Ordinal)
            || text.StartsWith("finally", StringComparison.Ordinal) || text.StartsWith("while", StringComparison.Ordinal)
            || text.StartsWith("#", StringComparison.Ordinal));
    }
}
