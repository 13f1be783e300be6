using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamGen.Diagnostics;
using DesignSpan = StreamGen.Diagnostics.SourceSpan;

namespace StreamGen.Generation;

/// <summary>
/// Parses rendered C# with Roslyn, as Goa gofmts its output: a syntax error is a bug in a template, reported as SG9003
/// with the section and the generated line, never written to disk. Runs for templates the user overrides
/// (<c>--templates</c>); the built-in ones are checked by the tests, which compile their output (see StreamGenerator).
/// </summary>
public static class CSharpOutputCheck
{
    // Doc comments are left as plain trivia: their mistakes are warnings, never syntax errors, and parsing them costs.
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest, DocumentationMode.None);

    public static void Check(string relativePath, string sectionNames, string content, DiagnosticBag diagnostics)
    {
        var tree = CSharpSyntaxTree.ParseText(content, Options, relativePath);
        foreach (var error in tree.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Take(5))
        {
            var position = error.Location.GetLineSpan().StartLinePosition;
            var line = tree.GetText().Lines[position.Line].ToString().Trim();
            diagnostics.Report(
                DiagnosticDescriptors.GeneratedCodeSyntaxError,
                new DesignSpan(relativePath, position.Line + 1, position.Character + 1),
                sectionNames,
                $"{error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} in `{(line.Length > 200 ? line[..200] + "..." : line)}`");
        }
    }
}
