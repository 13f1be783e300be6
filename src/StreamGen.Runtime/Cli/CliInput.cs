namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Globalization;
using global::System.IO;
using global::System.Runtime.CompilerServices;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The items a generated command-line client sends on a stream, read from NDJSON (one JSON value a line, blank lines
/// skipped) as they come: decoded with the API's reader (the server's own decoding) and checked with the design's
/// rules before they are sent, so a bad line is refused here, in the server's words, with its line number.
/// </summary>
public static class CliInput
{
    /// <summary>The items of <paramref name="reader"/>; a line that does not decode or breaks a rule throws <see cref="CliUsageException"/>.</summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(TextReader reader, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Decode(line, number, typeInfo);
        }
    }

    /// <summary>One line's item, decoded and validated.</summary>
    public static T Decode<T>(string line, int number, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            var item = JsonSerializer.Deserialize(line, typeInfo);
            return item is null ? throw new CliUsageException(Where(number) + "null is the end of a stream, not an item; close standard input instead") : Validation.Validated(item);
        }
        catch (JsonException e)
        {
            throw new CliUsageException(Where(number) + JsonDecoding.Error(e).Message, e);
        }
        catch (ValidationException e)
        {
            throw new CliUsageException(Where(number) + e.Message, e);
        }
    }

    private static string Where(int number) => string.Create(CultureInfo.InvariantCulture, $"standard input, line {number}: ");
}
