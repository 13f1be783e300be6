using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using StreamGen.Naming;

namespace StreamGen.Tests.Names;

/// <summary>
/// The generator's own C# lexical rules (kept so that <c>gen</c> does not load Roslyn) answer as Roslyn does: for every
/// UTF-16 code unit, every keyword Roslyn knows, and strings mixing escapes, surrogate pairs and lone surrogates.
/// </summary>
public sealed class CSharpLexicalTests
{
    [Fact]
    public void Identifier_characters_are_Roslyns_for_every_code_unit()
    {
        var differences = new List<string>();
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            if (CSharpLexical.IsIdentifierStartCharacter(c) != SyntaxFacts.IsIdentifierStartCharacter(c)
                || CSharpLexical.IsIdentifierPartCharacter(c) != SyntaxFacts.IsIdentifierPartCharacter(c))
            {
                differences.Add($"U+{code:X4}");
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void Reserved_keywords_are_Roslyns_and_contextual_ones_are_identifiers()
    {
        var roslyn = SyntaxFacts.GetKeywordKinds().Where(SyntaxFacts.IsReservedKeyword).Select(SyntaxFacts.GetText).ToHashSet();
        var contextual = SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText).ToList();

        Assert.All(roslyn, keyword => Assert.True(CSharpLexical.IsReservedKeyword(keyword), keyword));
        Assert.All(contextual, keyword => Assert.False(CSharpLexical.IsReservedKeyword(keyword), keyword));
        Assert.All(contextual.Concat(roslyn).Concat(["_", "x1", "größe", "名前", "1x", "a-b", "", "a\u200Bb", "@class"]), name =>
            Assert.Equal(SyntaxFacts.IsValidIdentifier(name), CSharpLexical.IsValidIdentifier(name)));
        Assert.Equal(roslyn.Count, roslyn.Count(CSharpLexical.IsReservedKeyword));
    }

    [Fact]
    public void String_literals_are_Roslyns_for_every_code_unit_and_for_surrogate_pairs()
    {
        var differences = new List<string>();
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var text = "a" + (char)code + "b";
            if (CSharpLexical.StringLiteral(text) != SymbolDisplay.FormatLiteral(text, quote: true))
            {
                differences.Add($"U+{code:X4}");
            }
        }

        // Assigned, unassigned and private-use supplementary characters; pairs next to lone surrogates.
        foreach (var text in new[] { "😀", "\U0001FFFE", "\U000E0001", "\U0010FFFD", "\uD83D", "\uDE00x", "\uDE00\uD83D", "\uD83D\uD83D\uDE00", "", "\"q\" \\ \r\n\t\0" })
        {
            if (CSharpLexical.StringLiteral(text) != SymbolDisplay.FormatLiteral(text, quote: true))
            {
                differences.Add(string.Join(" ", text.Select(c => $"U+{(int)c:X4}")));
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void String_literals_are_Roslyns_for_random_text()
    {
        var random = new Random(13);
        for (var i = 0; i < 2_000; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(20); j > 0; j--)
            {
                text.Append((char)random.Next(random.Next(4) == 0 ? 0x80 : char.MaxValue + 1));
            }

            Assert.Equal(SymbolDisplay.FormatLiteral(text.ToString(), quote: true), CSharpLexical.StringLiteral(text.ToString()));
        }
    }
}
