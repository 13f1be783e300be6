using System.Text;
using CsCheck;
using StreamGen.Generation;

namespace StreamGen.Tests.Generation;

/// <summary>
/// <see cref="OutputFormatter.Tidy"/> reads lines as ranges of the text instead of splitting it; it must give what the
/// rules say, line by line, on any text: <see cref="Reference"/> is those rules written the plain way (the formatter as
/// it was before it stopped allocating a string per line).
/// </summary>
public sealed class OutputFormatterTests
{
    // Fragments that exercise every rule: braces, blank runs, trailing and leading whitespace, CRLF and lone CR, and
    // the words that continue a statement after a closing brace.
    private static readonly string[] Fragments =
    [
        "\n", "\n", "\n", "\r\n", "\r", " ", "  ", "\t", "{", "}", "x", "int a;", "else", "catch", "finally", "while", "#if",
        ")", ",", ";", ".", "\u00a0", "}\n", "{\n", "\n\n\n", "    }", "\u3000",
    ];

    [Fact]
    public void Tidy_gives_what_the_rules_give_on_any_text()
    {
        Gen.Int[0, Fragments.Length - 1].Array[0, 60]
            .Select(picks => string.Concat(picks.Select(i => Fragments[i])))
            .Sample(text => Assert.Equal(Reference(text), OutputFormatter.Tidy(text)), iter: 20_000);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("\n\n", "")]
    [InlineData("a  \r\n\r\n\r\nb", "a\n\nb\n")]
    [InlineData("class A\n{\n\n  int x;\n\n}\n\n\n", "class A\n{\n  int x;\n}\n")]
    [InlineData("if (a)\n{\n}\nelse\n{\n}\nNext();", "if (a)\n{\n}\nelse\n{\n}\n\nNext();\n")]
    public void Tidy_examples(string text, string expected) => Assert.Equal(expected, OutputFormatter.Tidy(text));

    private static string Reference(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var result = new StringBuilder();
        var previousBlank = true;
        var previousLine = "";
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var isBlank = line.Length == 0;
            if (isBlank)
            {
                var next = lines.FindIndex(i + 1, l => l.Length > 0);
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

    private static bool NeedsBlankAfterBrace(string next)
    {
        var text = next.TrimStart();
        return !(text.StartsWith('}') || text.StartsWith(')') || text.StartsWith(',') || text.StartsWith(';') || text.StartsWith('.')
            || text.StartsWith("else", StringComparison.Ordinal) || text.StartsWith("catch", StringComparison.Ordinal)
            || text.StartsWith("finally", StringComparison.Ordinal) || text.StartsWith("while", StringComparison.Ordinal)
            || text.StartsWith("#", StringComparison.Ordinal));
    }
}
