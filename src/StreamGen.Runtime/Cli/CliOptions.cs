namespace StreamGen.Runtime;

using global::System;
using global::System.CommandLine;
using global::System.CommandLine.Parsing;
using global::System.Linq;
using global::System.Text.Json;

/// <summary>
/// The option of a payload attribute in a generated command-line client: its description (the design's, with its
/// rules), its value's name in help (<c>&lt;int32&gt;</c>, <c>&lt;debug|info|warn|error&gt;</c>), whether it is
/// required, and its default. Scalars parse as System.CommandLine parses them; a design enum by its wire strings, with
/// the server's message for any other; anything else (objects, maps, arrays of those) as a JSON value decoded with the
/// API's reader, as the server decodes a body. The design's rules are checked on the whole payload
/// (<see cref="CliCalls.Checked{T}"/>), by the generated records, before anything is sent.
/// </summary>
public static class CliOptions
{
    /// <summary>An option whose value System.CommandLine parses (strings, numbers, booleans, arrays of them).</summary>
    public static Option<T> Value<T>(string name, string description, string helpName, bool required) =>
        new(name) { Description = description, HelpName = helpName, Required = required };

    /// <summary>An option whose value is one of a design enum's wire strings (absent: null, so a default applies where the payload is built).</summary>
    public static Option<TEnum?> Enum<TEnum>(string name, string field, string description, bool required)
        where TEnum : struct, Enum
    {
        var option = new Option<TEnum?>(name)
        {
            Description = description,
            HelpName = string.Join('|', WireEnum<TEnum>.Names),
            Required = required,
            CustomParser = result => ParseEnum<TEnum>(result, field, result.Tokens[0].Value),
        };
        option.CompletionSources.Add(WireEnum<TEnum>.Names.ToArray());
        return option;
    }

    /// <summary>An option whose value is JSON text decoded with <paramref name="options"/> (the API's reader options).</summary>
    public static Option<T?> Json<T>(string name, string field, string description, string helpName, bool required, JsonSerializerOptions options) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Required = required,
            CustomParser = result => ParseJson<T>(result, field, result.Tokens[0].Value, options),
        };

    /// <summary>An option with a default (the design's), shown in help and used when the option is absent.</summary>
    public static Option<T> Defaulted<T>(string name, string description, string helpName, T defaultValue) =>
        new(name) { Description = description, HelpName = helpName, DefaultValueFactory = _ => defaultValue };

    private static TEnum? ParseEnum<TEnum>(ArgumentResult result, string field, string text)
        where TEnum : struct, Enum
    {
        // The server's parsing of a parameter, so a wrong value gets the server's words (invalid_enum_value).
        ValidationErrors? errors = null;
        var value = Parameters.ParseEnum<TEnum>(text, field, ref errors);
        if (errors is not null)
        {
            result.AddError(errors.ToException().Message);
        }

        return value;
    }

    private static T? ParseJson<T>(ArgumentResult result, string field, string text, JsonSerializerOptions options)
    {
        try
        {
            return (T?)JsonSerializer.Deserialize(text, options.GetTypeInfo(typeof(T)));
        }
        catch (JsonException e)
        {
            result.AddError($"{field}: {JsonDecoding.Error(e).Message}");
            return default;
        }
    }
}
