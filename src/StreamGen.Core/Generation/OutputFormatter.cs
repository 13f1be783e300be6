using System.Text;

namespace StreamGen.Generation;

/// <summary>
/// Tidies rendered text without deciding any shape: '\n' newlines, no trailing spaces, at most one blank line in a
/// row, none just inside braces, one final newline. Templates stay readable; output stays stable.
/// </summary>
public static class OutputFormatter
{
    public static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var nextNonBlank = NextNonBlank(lines);
        var result = new StringBuilder(text.Length);
        var previousBlank = true;
        var previousLine = "";
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var isBlank = line.Length == 0;
            if (isBlank)
            {
                var next = nextNonBlank[i];
                if (previousBlank || previousLine.EndsWith('{') || next < 0 || lines[next].TrimStart().StartsWith('}'))
                {
                    continue;
                }
            }

            if (!isBlank && previousLine.Trim() == "}" && !previousBlank && NeedsBlankAfterBrace(line))
            {
                result.Append('\n');
            }

            result.Append(line).Append('\n');
            previousBlank = isBlank;
            if (!isBlank)
            {
                previousLine = line;
            }
        }

        return result.ToString();
    }

    /// <summary>For each line, the index of the first non-blank line after it, or -1.</summary>
    private static int[] NextNonBlank(List<string> lines)
    {
        var next = new int[lines.Count];
        var following = -1;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            next[i] = following;
            if (lines[i].Length > 0)
            {
                following = i;
            }
        }

        return next;
    }

    /// <summary>A closing brace is followed by a blank line (as StyleCop's SA1513 asks) unless what follows continues the statement.</summary>
    private static bool NeedsBlankAfterBrace(string next)
    {
        var text = next.TrimStart();
        return !(text.StartsWith('}') || text.StartsWith(')') || text.StartsWith(',') || text.StartsWith(';') || text.StartsWith('.')
            || text.StartsWith("else", StringComparison.Ordinal) || text.StartsWith("catch", StringComparison.Ordinal)
            || text.StartsWith("finally", StringComparison.Ordinal) || text.StartsWith("while", StringComparison.Ordinal)
            || text.StartsWith("#", StringComparison.Ordinal));
    }
}
