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

            result.Append(line).Append('\n');
            previousBlank = isBlank;
            if (!isBlank)
            {
                previousLine = line;
            }
        }

        return result.ToString();
    }
}
