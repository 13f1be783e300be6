using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace StreamGen.Naming;

/// <summary>How design names become C# identifiers. Used by validation (to find collisions) and the model builder alike.</summary>
public static class CSharpNaming
{
    /// <summary>Design names are ASCII identifiers: a letter or underscore, then letters, digits, underscores.</summary>
    public static bool IsDesignIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary><c>not_found</c> → <c>NotFound</c>, <c>logger</c> → <c>Logger</c>, <c>lastEventId</c> → <c>LastEventId</c>.</summary>
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
        return result.Length == 0 || char.IsAsciiDigit(result[0]) ? "_" + result : result;
    }

    /// <summary>A parameter or local name: camelCase, with '@' when it is a C# keyword (<c>event</c> → <c>@event</c>).</summary>
    public static string ToParameterName(string name)
    {
        var pascal = ToPascalCase(name);
        var camel = pascal.StartsWith('_') ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
        return EscapeKeyword(camel);
    }

    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    /// <summary>A namespace from an API name: <c>logger</c> → <c>Logger</c>, <c>acme_logs</c> → <c>AcmeLogs</c>.</summary>
    public static string ToNamespace(string apiName) => ToPascalCase(apiName);

    public static bool IsNamespace(string text) => text.Split('.').All(part => IsDesignIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);
}
