using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace StreamGen.Tests.Fuzzing;

/// <summary>Reads a design into <see cref="FuzzNode"/>s and writes them back as block YAML or as JSON.</summary>
internal static class FuzzText
{
    public static FuzzNode Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return Convert(stream.Documents[0].RootNode);
    }

    private static FuzzNode Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new FuzzMap(map.Children.Select(c => new KeyValuePair<FuzzNode, FuzzNode>(Convert(c.Key), Convert(c.Value))).ToList()),
        YamlSequenceNode sequence => new FuzzSequence(sequence.Children.Select(Convert).ToList()),
        YamlScalarNode scalar => new FuzzScalar(scalar.Value ?? "", scalar.Style is YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted),
        _ => new FuzzScalar(""),
    };

    public static string WriteYaml(FuzzNode root)
    {
        var builder = new StringBuilder();
        WriteBlock(builder, root, 0);
        return builder.ToString();
    }

    /// <summary>Block style for unanchored, non-empty mappings and sequences; flow style (one line) for everything else.</summary>
    private static void WriteBlock(StringBuilder b, FuzzNode node, int indent)
    {
        switch (node)
        {
            case FuzzMap { Entries.Count: > 0, Anchor: null } map:
                foreach (var (key, value) in map.Entries)
                {
                    b.Append(' ', indent);
                    if (key is FuzzScalar or FuzzAlias)
                    {
                        b.Append(Flow(key)).Append(':');
                    }
                    else
                    {
                        b.Append("? ").Append(Flow(key)).Append('\n').Append(' ', indent).Append(':');
                    }

                    if (value is FuzzMap { Entries.Count: > 0, Anchor: null } or FuzzSequence { Items.Count: > 0, Anchor: null })
                    {
                        b.Append('\n');
                        WriteBlock(b, value, indent + 2);
                    }
                    else
                    {
                        b.Append(' ').Append(Flow(value)).Append('\n');
                    }
                }

                break;
            case FuzzSequence { Items.Count: > 0, Anchor: null } sequence:
                foreach (var item in sequence.Items)
                {
                    b.Append(' ', indent).Append("- ").Append(Flow(item)).Append('\n');
                }

                break;
            default:
                b.Append(Flow(node)).Append('\n');
                break;
        }
    }

    /// <summary>A node in flow style, on one line.</summary>
    public static string Flow(FuzzNode node)
    {
        var prefix = node.Anchor is { } anchor ? $"&{anchor} " : "";
        return prefix + node switch
        {
            FuzzAlias alias => $"*{alias.Name}",
            FuzzScalar scalar => Scalar(scalar),
            FuzzMap map => "{" + string.Join(", ", map.Entries.Select(e => $"{Flow(e.Key)}: {Flow(e.Value)}")) + "}",
            FuzzSequence sequence => "[" + string.Join(", ", sequence.Items.Select(Flow)) + "]",
            _ => "",
        };
    }

    private static string Scalar(FuzzScalar scalar)
    {
        var plain = scalar.Value.Length > 0 && !scalar.Quoted && scalar.Value.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '(' or ')' or '+')
            && !scalar.Value.StartsWith('-') && !scalar.Value.Contains("ArrayOf", StringComparison.Ordinal) && !scalar.Value.Contains("MapOf", StringComparison.Ordinal);
        return plain ? scalar.Value : Quote(scalar.Value);
    }

    public static string Quote(string text)
    {
        var b = new StringBuilder("\"");
        foreach (var c in text)
        {
            b.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                < ' ' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return b.Append('"').ToString();
    }

    /// <summary>As JSON (anchors, aliases and non-string keys cannot be: they become strings).</summary>
    public static string WriteJson(FuzzNode node) => node switch
    {
        FuzzMap map => "{\n" + string.Join(",\n", map.Entries.Select(e => $"{JsonKey(e.Key)}: {WriteJson(e.Value)}")) + "\n}",
        FuzzSequence sequence => "[" + string.Join(", ", sequence.Items.Select(WriteJson)) + "]",
        FuzzScalar { Quoted: false, Value: var v } when v is "true" or "false" or "null" || double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !v.Contains("Infinity", StringComparison.Ordinal) && !v.Contains("NaN", StringComparison.Ordinal) => v,
        FuzzScalar scalar => System.Text.Json.JsonSerializer.Serialize(scalar.Value),
        FuzzAlias alias => System.Text.Json.JsonSerializer.Serialize("*" + alias.Name),
        _ => "null",
    };

    private static string JsonKey(FuzzNode key) => key is FuzzScalar scalar ? System.Text.Json.JsonSerializer.Serialize(scalar.Value) : System.Text.Json.JsonSerializer.Serialize(Flow(key));
}
