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
        var result = new StringBuilder(text.Length);
        var previousBlank = true;
        var previousLine = "";
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var isBlank = line.Length == 0;
            if (isBlank)
            {
                var next = lines.Skip(i + 1).FirstOrDefault(l => l.Length > 0);
                if (previousBlank || previousLine.EndsWith('{') || next is null || next.TrimStart().StartsWith('}'))
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
