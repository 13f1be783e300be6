using System.CommandLine;

namespace StreamGen.Cli;

internal static class CommonOptions
{
    public static Argument<string> Design() => new("design") { Description = "The design file (.yaml, .yml or .json)." };

    public static Option<DiagnosticFormat> Format() => new("--format")
    {
        Description = "How diagnostics are printed: text (for people), msbuild (file(line,col): error SGnnnn: ...), json or sarif.",
        DefaultValueFactory = _ => DiagnosticFormat.Text,
    };

    public static string? ReadSourceForExcerpt(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
