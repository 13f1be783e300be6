using System.Text;

namespace StreamGen.Naming;

/// <summary>Protobuf naming: snake_case field names, and the C# names protoc's C# plugin derives from them.</summary>
public static class ProtoNaming
{
    /// <summary>
    /// The protobuf field name of an attribute: snake_case of its ASCII spelling (<c>lastEventId</c> →
    /// <c>last_event_id</c>, <c>größe</c> → <c>grosse</c>), or <c>field_N</c> when it has none; its JSON name is unchanged.
    /// Leading underscores are dropped (<c>_hidden</c> → <c>hidden</c>): protoc's C# plugin names a field's private
    /// member <c>UnderscoresToCamelCase(name) + "_"</c>, which for <c>_hidden</c> is <c>Hidden_</c>, the very name it gives
    /// the property when the message is called <c>Hidden</c> or the property a member of every message (<c>_types</c>).
    /// A name whose property would hide a member every message inherits gets <c>_field</c> (<c>getType</c> → <c>get_type_field</c>).
    /// </summary>
    public static string FieldName(string attribute, long number)
    {
        if (LatinFolding.ToAscii(attribute) is not { } ascii || !IsIdentifier(ToSnakeCase(ascii).TrimStart('_')))
        {
            return $"field_{number}";
        }

        var name = ToSnakeCase(ascii).TrimStart('_');
        return InheritedMembers.Contains(UnderscoresToPascalCase(name)) ? name + "_field" : name;
    }

    /// <summary>
    /// Members every protoc message inherits from <c>object</c> and protoc does not rename a property away from: a field
    /// <c>get_type</c> would be a property <c>GetType</c> hiding <c>object.GetType()</c> (CS0108), so the field is
    /// <c>get_type_field</c>. protoc renames the members of <see cref="ReservedNames.ObjectMembers"/> a message declares itself.
    /// </summary>
    private static readonly HashSet<string> InheritedMembers = ReservedNames.InheritedObjectMembers.ToHashSet(StringComparer.Ordinal);

    /// <summary>A name protobuf can carry (a message, service or RPC): the ASCII spelling of a C# name, or null when it has none.</summary>
    public static string? ToProtoIdentifier(string name) => LatinFolding.ToAscii(name) is { } ascii && IsIdentifier(ascii) ? ascii : null;

    /// <summary>The protobuf package of an API: its name in snake_case ASCII, or null when it has no ASCII spelling.</summary>
    public static string? Package(string apiName) =>
        LatinFolding.ToAscii(apiName) is { } ascii && IsIdentifier(ToSnakeCase(ascii)) ? ToSnakeCase(ascii) : null;

    /// <summary>A gRPC metadata key for an attribute (lowercase ASCII, as HTTP/2 requires), or null when it has no ASCII spelling.</summary>
    public static string? MetadataKey(string attribute) => LatinFolding.ToAscii(attribute)?.ToLowerInvariant();

    /// <summary>
    /// The names of a protobuf enum's values as buf's STANDARD lint wants them: UPPER_SNAKE_CASE, prefixed with the enum's
    /// name in UPPER_SNAKE_CASE, the zero value <c>{PREFIX}_UNSPECIFIED</c> (<c>Level</c>, <c>warn</c> → <c>LEVEL_WARN</c>;
    /// <c>in-progress</c> → <c>STATE_IN_PROGRESS</c>). A value with no ASCII letter or digit is <c>{PREFIX}_VALUE</c>.
    /// </summary>
    public static string EnumValueName(string enumName, string? value)
    {
        var prefix = ToSnakeCase(enumName).ToUpperInvariant();
        if (value is null)
        {
            return prefix + "_UNSPECIFIED";
        }

        var words = new StringBuilder();
        foreach (var c in ToSnakeCase(LatinFolding.ToAscii(value) ?? value))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                words.Append(char.ToUpperInvariant(c));
            }
            else if (words.Length > 0 && words[^1] != '_')
            {
                words.Append('_');
            }
        }

        var name = words.ToString().TrimEnd('_');
        return $"{prefix}_{(name.Length == 0 ? "VALUE" : name)}";
    }

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

    /// <summary>
    /// The property protoc's C# plugin generates for a field: its UnderscoresToPascalCase, plus '_' when that equals the
    /// message's class name or a member every message has (<c>types</c> → <c>Types_</c>, <c>parser</c> → <c>Parser_</c>).
    /// Pass no message name for the members it generates whatever the message is called.
    /// </summary>
    public static string CSharpPropertyName(string fieldName, string? messageName = null)
    {
        var name = UnderscoresToPascalCase(fieldName);
        return name == messageName || ReservedNames.ProtocMessageMembers.Contains(name) ? name + "_" : name;
    }

    /// <summary>
    /// The members protoc's C# plugin generates for a field beside its property: <c>{Property}FieldNumber</c>, and for a
    /// field with presence <c>Has{Property}</c> and <c>Clear{Property}</c>. Two fields whose members meet do not compile.
    /// </summary>
    public static IEnumerable<string> CSharpMembers(string fieldName, bool hasPresence)
    {
        var property = CSharpPropertyName(fieldName);
        yield return property;
        yield return property + "FieldNumber";
        if (hasPresence)
        {
            yield return "Has" + property;
            yield return "Clear" + property;
        }
    }

    /// <summary>protoc's UnderscoresToPascalCase: letters after '_' or a digit capitalized, other capitals kept.</summary>
    private static string UnderscoresToPascalCase(string fieldName)
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

        // protoc keeps a leading '_' that would otherwise leave the name starting with a digit (protobuf issue 8101).
        var name = builder.ToString();
        return name.Length > 0 && char.IsAsciiDigit(name[0]) && fieldName.StartsWith('_') ? "_" + name : name;
    }

    /// <summary>Whether protobuf can carry the name: ASCII letters, digits and underscores, not starting with a digit.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>The class protoc's C# plugin generates for a file's descriptor: <c>{FileName}Reflection</c> (logger.proto → LoggerReflection).</summary>
    public static string ReflectionClass(string package) => UnderscoresToPascalCase(package) + "Reflection";

    /// <summary><c>NOT_FOUND</c> → <c>NotFound</c>: the member of Grpc.Core.StatusCode.</summary>
    public static string StatusCodeMember(string code) => code == "OK" ? "OK" : CSharpNaming.ToPascalCase(code.ToLowerInvariant());
}
