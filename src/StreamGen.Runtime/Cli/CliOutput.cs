namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.IO;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;

/// <summary>
/// Where a generated command-line client prints what it receives: one value a line as JSON (<see cref="CliOutputFormat.Json"/>),
/// or rows of a table (<see cref="CliTable"/>). Every value is written and flushed as it arrives, so a stream shows up
/// live in a terminal and in a pipe.
/// </summary>
public sealed class CliOutput(TextWriter writer, CliOutputFormat format)
{
    private readonly CliTable _table = new(writer);
    private readonly Dictionary<Type, Delegate> _projections = [];

    public CliOutputFormat Format { get; } = format;

    /// <summary>Prints every <typeparamref name="TResult"/> in <paramref name="view"/> (<c>--view</c>), through the record's own projection; null prints them as received.</summary>
    public void UseView<TResult, TView>(TView? view)
        where TResult : IViewedResult<TResult, TView>
        where TView : struct, Enum
    {
        if (view is { } chosen)
        {
            _projections[typeof(TResult)] = new Func<TResult, TResult>(result => result.Project(chosen));
        }
    }

    /// <summary>Writes one result or stream item; <paramref name="streaming"/> prints table rows at once instead of aligning them over the whole result.</summary>
    public void Write<T>(T value, JsonTypeInfo<T> typeInfo, bool streaming = false)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (value is not null && _projections.TryGetValue(typeof(T), out var projection))
        {
            value = ((Func<T, T>)projection)(value);
        }

        if (Format == CliOutputFormat.Json)
        {
            writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));
        }
        else
        {
            using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
            _table.Write(document.RootElement, streaming);
        }

        writer.Flush();
    }

    /// <summary>Writes a line of text as it is (a result that is not JSON, e.g. a count of bytes downloaded).</summary>
    public void WriteLine(string line)
    {
        writer.WriteLine(line);
        writer.Flush();
    }
}
