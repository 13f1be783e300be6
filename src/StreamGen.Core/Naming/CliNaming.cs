using System.Text;

namespace StreamGen.Naming;

/// <summary>
/// Command-line spellings of design names: commands and options in kebab case (<c>api_key</c> → <c>api-key</c>,
/// <c>maxItems</c> → <c>max-items</c>), as System.CommandLine, dotnet and Goa's CLIs spell them.
/// </summary>
public static class CliNaming
{
    /// <summary>The options every command of a generated CLI has, taken before any design name.</summary>
    public static IReadOnlyList<string> GlobalOptions { get; } = ["--url", "--transport", "--format", "--help", "-h", "-?", "--version"];

    /// <summary>Lower-case words joined by '-': letters and digits kept (any script), every other character a separator.</summary>
    public static string ToKebabCase(string name)
    {
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Separate(words);
                continue;
            }

            // A capital after a lower-case letter or a digit starts a word (maxItems, http2Port); so does the last capital of a run before a lower-case letter (HTTPServer).
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                Separate(words);
            }

            words.Append(char.ToLowerInvariant(c));
        }

        var kebab = words.ToString().Trim('-');
        return kebab.Length == 0 ? "x" : kebab;
    }

    private static void Separate(StringBuilder words)
    {
        if (words.Length > 0 && words[^1] != '-')
        {
            words.Append('-');
        }
    }
}
