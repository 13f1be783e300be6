using System.Globalization;
using System.Text;

namespace StreamGen.Naming;

/// <summary>How design names become C# identifiers. Used by validation (to find collisions) and the model builder alike.</summary>
public static class CSharpNaming
{
    /// <summary>
    /// Design names are identifiers in C#'s sense, so every one has a C# form and is a JSON name as written: a letter or
    /// underscore, then letters, digits, underscores and combining marks, in any script (<c>größe</c>, <c>名前</c>).
    /// Invisible formatting characters, which C# would accept and a reader could not see, are not allowed.
    /// </summary>
    public static bool IsDesignIdentifier(string name) =>
        CSharpLexical.IsValidIdentifier(name) && name.All(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format);

    /// <summary>A C# identifier that is not a keyword: what every emitted name must be.</summary>
    public static bool IsIdentifier(string name) =>
        CSharpLexical.IsValidIdentifier(name) && !CSharpLexical.IsReservedKeyword(name);

    /// <summary><c>not_found</c> → <c>NotFound</c>, <c>logger</c> → <c>Logger</c>, <c>lastEventId</c> → <c>LastEventId</c>, <c>größe</c> → <c>Größe</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (c is '_' or '-' or '.' or ' ')
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = char.IsAsciiDigit(c);
        }

        var result = builder.ToString();
        return result.Length == 0 || !CSharpLexical.IsIdentifierStartCharacter(result[0]) ? "_" + result : result;
    }

    /// <summary>
    /// A C# member for an arbitrary string, such as a design enum value: its letters and digits in PascalCase, other
    /// characters separating words (<c>in-progress</c> → <c>InProgress</c>, <c>application/json</c> →
    /// <c>ApplicationJson</c>, <c>1080p</c> → <c>_1080p</c>); <c>Value</c> when nothing is left.
    /// </summary>
    public static string ToMemberName(string text)
    {
        var builder = new StringBuilder(text.Length);
        var upperNext = true;
        foreach (var c in text)
        {
            if (!CSharpLexical.IsIdentifierPartCharacter(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = char.IsAsciiDigit(c);
        }

        var result = builder.ToString();
        return result.Length == 0 ? "Value" : CSharpLexical.IsIdentifierStartCharacter(result[0]) ? result : "_" + result;
    }

    /// <summary>A parameter or local name: camelCase, with '@' when it is a C# keyword (<c>event</c> → <c>@event</c>).</summary>
    public static string ToParameterName(string name) => EscapeKeyword(ToCamelCase(name));

    /// <summary><c>last_event_id</c> → <c>lastEventId</c>; never escaped, for names that get a prefix or suffix.</summary>
    public static string ToCamelCase(string name)
    {
        var pascal = ToPascalCase(name);
        return pascal.StartsWith('_') ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    public static string EscapeKeyword(string identifier) =>
        CSharpLexical.IsReservedKeyword(identifier)
            ? "@" + identifier
            : identifier;

    /// <summary>
    /// The namespace of an API without a <c>namespace</c> key: <c>logger</c> → <c>Logger</c>, <c>acme_logs</c> →
    /// <c>AcmeLogs</c>; <c>Api</c> is added when the name would hide a name the generated code uses unqualified
    /// (<c>task</c> → <c>TaskApi</c>, as a namespace <c>Task</c> would hide System.Threading.Tasks.Task in it).
    /// </summary>
    public static string ToNamespace(string apiName)
    {
        var pascal = ToPascalCase(apiName);
        return ReservedNames.IsHiddenByNamespace(pascal) ? pascal + "Api" : pascal;
    }

    public static bool IsNamespace(string text) => text.Split('.').All(part => IsDesignIdentifier(part) && IsIdentifier(part));
}
