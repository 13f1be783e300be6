using System.Globalization;
using System.Text;

namespace StreamGen.Naming;

/// <summary>
/// C#'s lexical rules the generator needs (identifier characters, reserved keywords and string literals) as the C#
/// specification's lexical grammar and Roslyn's <c>SyntaxFacts</c> / <c>SymbolDisplay.FormatLiteral</c> state them, so
/// that <c>gen</c> does not load Roslyn (10 MB of compiler) to ask. Tests compare every answer with Roslyn's, for every
/// UTF-16 code unit and every keyword.
/// </summary>
public static class CSharpLexical
{
    // The reserved keywords and Roslyn's undocumented ones; contextual keywords (async, var, record...) are identifiers.
    private static readonly HashSet<string> ReservedKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "__arglist", "__makeref", "__reftype", "__refvalue",
    };

    /// <summary>Whether <paramref name="text"/> is a reserved keyword (<c>event</c>, <c>class</c>), which needs '@' to be a name.</summary>
    public static bool IsReservedKeyword(string text) => ReservedKeywords.Contains(text);

    /// <summary>A letter (Lu, Ll, Lt, Lm, Lo, Nl) or '_'.</summary>
    public static bool IsIdentifierStartCharacter(char c) =>
        char.IsAsciiLetter(c) || c == '_' || (c > '\u007F' && IsLetter(CharUnicodeInfo.GetUnicodeCategory(c)));

    /// <summary>A letter, a decimal digit (Nd), a connector (Pc), a combining mark (Mn, Mc) or a formatting character (Cf).</summary>
    public static bool IsIdentifierPartCharacter(char c)
    {
        if (c <= '\u007F')
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return IsLetter(category) || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
    }

    /// <summary>A start character then part characters (keywords included: see <see cref="IsReservedKeyword"/>).</summary>
    public static bool IsValidIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name) || !IsIdentifierStartCharacter(name[0]))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!IsIdentifierPartCharacter(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A regular string literal in quotes: <c>\\</c>, <c>\"</c> and the simple escapes (<c>\0 \a \b \f \n \r \t \v</c>)
    /// for those characters, <c>\uXXXX</c> for other control, unassigned, line- and paragraph-separator characters and
    /// lone surrogates, <c>\UXXXXXXXX</c> for a surrogate pair that is unassigned; everything else as it is.
    /// </summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(value, i);
                if (category == UnicodeCategory.Surrogate)
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                }
                else if (NeedsEscaping(category))
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\U{char.ConvertToUtf32(value, i):x8}");
                    i++;
                }
                else
                {
                    builder.Append(c).Append(value[++i]);
                }

                continue;
            }

            _ = c switch
            {
                '\\' => builder.Append("\\\\"),
                '"' => builder.Append("\\\""),
                '\0' => builder.Append("\\0"),
                '\a' => builder.Append("\\a"),
                '\b' => builder.Append("\\b"),
                '\f' => builder.Append("\\f"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\v' => builder.Append("\\v"),
                _ when NeedsEscaping(CharUnicodeInfo.GetUnicodeCategory(c)) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    private static bool IsLetter(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool NeedsEscaping(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.Surrogate;
}
