using System.Text;

namespace StreamGen.Naming;

/// <summary>Protobuf naming: snake_case field names, and the C# names protoc's C# plugin derives from them.</summary>
public static class ProtoNaming
{
    /// <summary><c>lastEventId</c> → <c>last_event_id</c>, <c>HTTPCode</c> → <c>http_code</c>, <c>not_found</c> stays.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]);
                var previousIsUpper = i > 0 && char.IsAsciiLetterUpper(name[i - 1]);
                if (builder.Length > 0 && builder[^1] != '_' && (previousIsLowerOrDigit || (previousIsUpper && nextIsLower)))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The property protoc's C# plugin generates for a field (its UnderscoresToPascalCase, plus '_' when it equals the class name).</summary>
    public static string CSharpPropertyName(string fieldName, string messageName)
    {
        var builder = new StringBuilder(fieldName.Length);
        var capitalizeNext = true;
        foreach (var c in fieldName)
        {
            if (char.IsAsciiLetterLower(c))
            {
                builder.Append(capitalizeNext ? char.ToUpperInvariant(c) : c);
                capitalizeNext = false;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                builder.Append(c);
                capitalizeNext = false;
            }
            else if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
                capitalizeNext = true;
            }
            else
            {
                capitalizeNext = true;
            }
        }

        var name = builder.ToString();
        return name == messageName ? name + "_" : name;
    }

    /// <summary>Whether protobuf can carry the name: ASCII letters, digits and underscores, not starting with a digit.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary><c>NOT_FOUND</c> → <c>NotFound</c>: the member of Grpc.Core.StatusCode.</summary>
    public static string StatusCodeMember(string code) => code == "OK" ? "OK" : CSharpNaming.ToPascalCase(code.ToLowerInvariant());
}
