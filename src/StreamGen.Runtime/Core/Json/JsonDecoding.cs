namespace StreamGen.Runtime;

using global::System;
using global::System.Text;
using global::System.Text.Json;
using global::System.Text.Json.Serialization;
using global::System.Text.Json.Serialization.Metadata;

/// <summary>
/// The decode side of a design's JSON: the generated context's contracts with validation left to the generated records,
/// and decode failures as the errors the transports send.
/// </summary>
public static class JsonDecoding
{
    /// <summary>
    /// Options for reading the types of <paramref name="context"/>: the same contracts, except that an attribute the
    /// design requires but a reference type or an enum carries is not required of the JSON reader, so a missing one is
    /// reported by the record's Validate the way Goa reports it (<c>missing_field</c>) instead of failing the decode.
    /// </summary>
    public static JsonSerializerOptions ReaderOptions(JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = new JsonSerializerOptions(context.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.WithAddedModifier(context, static info =>
            {
                foreach (var property in info.Properties)
                {
                    if (!property.PropertyType.IsValueType || property.PropertyType.IsEnum)
                    {
                        property.IsRequired = false;
                    }
                }
            }),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The reader contract of <typeparamref name="T"/> in options made by <see cref="ReaderOptions"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    /// <summary>
    /// The error a message that failed to decode is: <c>invalid_enum_value</c> for a string outside an enum, at the
    /// attribute's path; otherwise <c>decode_payload</c> with the reader's message.
    /// </summary>
    public static ValidationException Error(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is WireEnumException enumError
            ? new ValidationException([new ValidationError("invalid_enum_value", Field(enumError.Path), enumError.Detail)])
            : new ValidationException(exception.Message, exception);
    }

    /// <summary>A JSON path as Goa names fields: <c>$.entries[1].level</c> → <c>entries[1].level</c>, <c>$['a b']</c> → <c>a b</c>.</summary>
    internal static string Field(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = new StringBuilder(path.Length);
        for (var i = path.StartsWith('$') ? 1 : 0; i < path.Length; i++)
        {
            if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                var name = end < 0 ? path[(i + 2)..] : path[(i + 2)..end];
                field.Append(field.Length > 0 ? "." : "").Append(name);
                i = end < 0 ? path.Length : end + 1;
                continue;
            }

            if (path[i] == '.' && field.Length == 0)
            {
                continue;
            }

            field.Append(path[i]);
        }

        return field.ToString();
    }
}
