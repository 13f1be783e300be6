using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using StreamGen.Generation;
using StreamGen.Tests.Support;
using StreamGen.Tests.Synthetic;

namespace StreamGen.Tests.Generation;

/// <summary>
/// Generated code is read and stepped through by users, so its layout is checked, not just its syntax: every member
/// and statement that starts a line is indented four spaces per enclosing block, whatever the design leaves out
/// (descriptions, errors, views), which is where Scriban's whitespace trimming goes wrong.
/// </summary>
public sealed class LayoutTests
{
    public static TheoryData<string> DesignFiles() => new(Directory.GetFiles(Repository.Designs).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(DesignFiles))]
    public void Members_and_statements_are_indented_by_their_depth(string design) =>
        AssertIndented(Designs.GenerateFile(Path.Combine(Repository.Designs, design)));

    [Fact]
    public void A_design_without_descriptions_is_indented_too() =>
        AssertIndented(Designs.Generate(SyntheticDesign.Create(8), "synthetic.yaml"));

    private static void AssertIndented(GenerationResult result)
    {
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var misplaced = result.Files
            .Where(f => f.RelativePath.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Misindented(f.RelativePath, f.Content))
            .Take(10)
            .ToList();
        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
    }

    private static IEnumerable<string> Misindented(string path, string content)
    {
        var tree = CSharpSyntaxTree.ParseText(content);
        var lines = tree.GetText().Lines;
        foreach (var node in tree.GetRoot().DescendantNodes().Where(n => n is MemberDeclarationSyntax or StatementSyntax))
        {
            var start = node.GetFirstToken().SpanStart;
            if (Expected(node, lines) is not { } expected || !StartsLine(start, lines))
            {
                continue;
            }

            var line = lines.GetLineFromPosition(start);
            if (start - line.Start != expected)
            {
                yield return $"{path}:{line.LineNumber + 1}: indented {start - line.Start}, expected {expected}: {line.ToString().Trim()}";
            }
        }
    }

    /// <summary>
    /// Four spaces past the line that opens the enclosing block (so a lambda's body follows its lambda), eight inside a
    /// switch section; null where the node is not directly in a block (an embedded statement, a global statement's body).
    /// </summary>
    private static int? Expected(SyntaxNode node, TextLineCollection lines) => node.Parent switch
    {
        CompilationUnitSyntax or FileScopedNamespaceDeclarationSyntax => 0,
        BlockSyntax block => IndentationOf(block.OpenBraceToken, lines) + 4,
        BaseTypeDeclarationSyntax type when !type.OpenBraceToken.IsMissing && type.OpenBraceToken.Span.Length > 0 => IndentationOf(type.OpenBraceToken, lines) + 4,
        NamespaceDeclarationSyntax space => IndentationOf(space.OpenBraceToken, lines) + 4,
        SwitchSectionSyntax { Parent: SwitchStatementSyntax @switch } => IndentationOf(@switch.OpenBraceToken, lines) + 8,
        _ => null,
    };

    private static int IndentationOf(SyntaxToken token, TextLineCollection lines)
    {
        var line = lines.GetLineFromPosition(token.SpanStart);
        var text = line.ToString();
        return text.Length - text.TrimStart().Length;
    }

    private static bool StartsLine(int position, TextLineCollection lines)
    {
        var line = lines.GetLineFromPosition(position);
        return line.ToString()[..(position - line.Start)].Trim().Length == 0;
    }
}
