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

    /// <summary>Whether the command line asks for MSBuild diagnostics (read before parsing, for errors parsing itself reports).</summary>
    public static bool IsMsbuildFormat(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--format:msbuild" or "--format=msbuild" || (args[i] == "--format" && i + 1 < args.Count && args[i + 1] == "msbuild"))
            {
                return true;
            }
        }

        return false;
    }

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
