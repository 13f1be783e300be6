using System.Text;
using System.Text.Json;
using StreamGen.Diagnostics;

namespace StreamGen.Design.Syntax;

/// <summary>
/// Reads JSON with <see cref="Utf8JsonReader"/> into the same positional syntax tree as YAML.
/// Utf8JsonReader gives byte offsets; <see cref="LineMap"/> turns them into line and column.
/// </summary>
public sealed class JsonSyntaxReader(string file)
{
    public SyntaxNode? Read(string text, DiagnosticBag diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            return ReadValue(ref reader, lines);
        }
        catch (JsonException e)
        {
            var span = new SourceSpan(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            diagnostics.Report(DiagnosticDescriptors.SyntaxError, span, CleanMessage(e.Message));
            return null;
        }
    }

    private SyntaxNode ReadValue(ref Utf8JsonReader reader, LineMap lines)
    {
        var span = lines.SpanAt(file, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var entries = new List<MappingEntry>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = new ScalarNode(lines.SpanAt(file, reader.TokenStartIndex), reader.GetString()!, ScalarKind.String);
                    reader.Read();
                    entries.Add(new MappingEntry(key, ReadValue(ref reader, lines)));
                }

                return new MappingNode(span, entries);
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<SyntaxNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines));
                }

                return new SequenceNode(span, items);
            }

            case JsonTokenType.String:
                return new ScalarNode(span, reader.GetString()!, ScalarKind.String);
            case JsonTokenType.Number:
                var raw = Encoding.UTF8.GetString(reader.ValueSpan);
                var isInteger = raw.All(c => c is '-' or (>= '0' and <= '9'));
                return new ScalarNode(span, raw, isInteger ? ScalarKind.Integer : ScalarKind.Float);
            case JsonTokenType.True:
                return new ScalarNode(span, "true", ScalarKind.Boolean);
            case JsonTokenType.False:
                return new ScalarNode(span, "false", ScalarKind.Boolean);
            default:
                return new ScalarNode(span, "null", ScalarKind.Null);
        }
    }

    /// <summary>System.Text.Json appends " LineNumber: 2 | BytePositionInLine: 4."; the span carries it already.</summary>
    private static string CleanMessage(string message)
    {
        var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return index > 0 ? message[..index] : message;
    }

    /// <summary>Maps UTF-8 byte offsets to 1-based line and column (columns count characters, not bytes).</summary>
    private sealed class LineMap
    {
        private readonly byte[] _bytes;
        private readonly List<int> _lineStarts = [0];

        public LineMap(byte[] bytes)
        {
            _bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public SourceSpan SpanAt(string file, long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var column = 1;
            for (var i = _lineStarts[line]; i < offset; i++)
            {
                if ((_bytes[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            return new SourceSpan(file, line + 1, column);
        }
    }
}
