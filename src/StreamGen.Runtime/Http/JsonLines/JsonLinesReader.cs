namespace StreamGen.Runtime;

using global::System;
using global::System.Buffers;
using global::System.IO.Pipelines;
using global::System.Runtime.CompilerServices;
using global::System.Text.Json;
using global::System.Text.Json.Serialization.Metadata;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// Reads JSON Lines (NDJSON) from a <see cref="PipeReader"/>, one value at a time and in constant memory: a line ends at
/// <c>\n</c> (a <c>\r</c> before it is dropped), blank lines are skipped (heartbeats), the last line may lack its
/// <c>\n</c>. Each value is decoded with the JSON contract and validated with <paramref name="validate"/>; the first line
/// that fails ends the reading with its error (<c>invalid_json</c>-style decoding errors, <see cref="ValidationException"/>)
/// and nothing after it is consumed. A line longer than <paramref name="maxLineLength"/> bytes is
/// <c>message_too_big</c> (413 over HTTP) as soon as that many bytes have arrived without a line end, so a peer cannot
/// make the reader buffer more.
/// </summary>
public sealed class JsonLinesReader<T>(PipeReader reader, JsonTypeInfo<T> typeInfo, int maxLineLength, JsonLinesReader<T>.Validator? validate = null)
{
    /// <summary>Adds a decoded value's validation errors, if any (the design's rules, a view's).</summary>
    public delegate void Validator(T value, ref ValidationErrors? errors);

    private bool _ended;

    /// <summary>How many values have been read so far (the number of the line that failed is this plus one).</summary>
    public long Count { get; private set; }

    /// <summary>The next value; <see cref="Received{T}.HasValue"/> is false at the end of the body.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Received<T>> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (!_ended)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            while (TryReadLine(ref buffer, result.IsCompleted, out var line))
            {
                if (IsBlank(line))
                {
                    continue;
                }

                T value;
                try
                {
                    value = Decode(line);
                }
                catch
                {
                    // Nothing after the bad line is consumed: the line itself is, so the position says where it ended.
                    reader.AdvanceTo(buffer.Start);
                    _ended = true;
                    throw;
                }

                reader.AdvanceTo(buffer.Start);
                Count++;
                return new Received<T>(true, value);
            }

            if (buffer.Length > maxLineLength)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                _ended = true;
                throw new ServiceError("message_too_big", $"line {Count + 1} exceeds {maxLineLength} bytes");
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                reader.AdvanceTo(buffer.End);
                _ended = true;
                break;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }

        return default;
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, bool isCompleted, out ReadOnlySequence<byte> line)
    {
        if (buffer.PositionOf((byte)'\n') is { } end)
        {
            line = buffer.Slice(0, end);
            buffer = buffer.Slice(buffer.GetPosition(1, end));
        }
        else if (isCompleted && !buffer.IsEmpty)
        {
            line = buffer;
            buffer = buffer.Slice(buffer.End);
        }
        else
        {
            line = default;
            return false;
        }

        if (!line.IsEmpty && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        return true;
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private T Decode(ReadOnlySequence<byte> line)
    {
        if (line.Length > maxLineLength)
        {
            throw new ServiceError("message_too_big", $"line {Count + 1} exceeds {maxLineLength} bytes");
        }

        T? value;
        try
        {
            var json = new Utf8JsonReader(line);
            value = JsonSerializer.Deserialize(ref json, typeInfo);
        }
        catch (JsonException e)
        {
            throw JsonDecoding.Error(e);
        }

        if (value is null)
        {
            throw new ValidationException([new ValidationError("missing_field", "line", $"line {Count + 1} is null, not a value")]);
        }

        ValidationErrors? errors = null;
        Validation.Validate(value, "message", ref errors);
        validate?.Invoke(value, ref errors);
        if (errors is not null)
        {
            throw errors.ToException();
        }

        return value;
    }
}
