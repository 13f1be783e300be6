using System.Globalization;
using System.Text;
using StreamGen.Tests.Properties;

namespace StreamGen.Tests.Fuzzing;

/// <summary>
/// A structured mutator over real designs: it edits the YAML tree (delete, duplicate, rename and retype keys, values
/// of the wrong kind, broken type expressions, hostile strings and numbers, huge and deep inputs, anchors, aliases,
/// merge keys, alias bombs), then sometimes the text (tabs, stray characters, truncation, invalid UTF-8 read as the
/// CLI reads it, document markers, directives, tags). Each input says what was done to it, so a failure reads well.
/// </summary>
internal sealed class DesignMutator(Draw draw)
{
    /// <summary>Set by a mutation that makes the input large: it is the last one, so sizes never multiply.</summary>
    private bool _grown;

    private static readonly string[] FormatKeys =
    [
        "api", "name", "title", "description", "version", "namespace", "http", "grpc", "port", "host", "types", "resultTypes", "services",
        "attributes", "required", "type", "field", "format", "pattern", "enum", "default", "example", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "identifier", "views", "view", "errors", "methods", "payload",
        "streamingPayload", "result", "streamingResult", "GET", "POST", "PUT", "PATCH", "DELETE", "params", "headers", "body", "response",
        "status", "contentType", "serverSentEvents", "id", "event", "retry", "lastEventId", "skipRequestBodyEncodeDecode",
        "skipResponseBodyEncodeDecode", "path", "enabled", "temporary", "timeout", "fault", "<<",
    ];

    private static readonly string[] BrokenTypes =
    [
        "ArrayOf(", "ArrayOf()", "ArrayOf(String", "MapOf(String)", "MapOf(String,)", "MapOf(, String)", "MapOf(String, Int, Bool)",
        "ListOf(String)", "ArrayOf(ArrayOf(MapOf(String, ArrayOf(Unknown))))", "String()", "()", ")", "(", ",", "ArrayOf)String(",
        "MapOf(Any, String)", "MapOf(ArrayOf(String), String)", "MapOf(Float64, String)", "Strin", "string", "INT", "ArrayOf (String)",
        "ArrayOf(\tString)", "ArrayOf(Ünknown)", "ArrayOf(String))", "", " ", "Any(String)", "ArrayOf(ArrayOf(ArrayOf(Bytes)))",
    ];

    private static readonly string[] HostileStrings =
    [
        "", " ", "\t", "\n", "null", "~", "true", "0x1F", "0o17", "1e400", "-0", ".nan", ".inf", "{", "}", "[", "]", "{x}", "/{", "/a/{b}/{b}",
        "/a?b=c", "/a#b", "//", "../..", "%", "%zz", "ü", "名前", "\u0000", "\uFFFD", "\uFEFF", "\uD800", "\uDC00x", "a\u0301", "🙂",
        "<script>", "'; drop", "\\", "\"", "*", "&", "!", "|", ">", "#", "@", "`", "a: b", "- a", "? a", "${x}", "{{x}}",
        "default", "class", "String", "ArrayOf", "not_found", "NOT_FOUND", "9999999999999999999999", "-9223372036854775809",
        "18446744073709551616", "0.1e-400", "1_000", "+1", "00012",
    ];

    private static readonly string[] HostileNumbers =
    [
        "0", "-1", "1", "536870911", "536870912", "19000", "19999", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "18446744073709551615", "1e308", "1e309", "-1e309", "0.5", "-0.0", ".inf", "-.inf", ".nan", "0x7FFFFFFF", "0o777",
        "99999999999999999999999999999999999999999", "1.7976931348623157e308", "4.9e-324", "100", "599", "600", "99",
    ];

    /// <summary>One mutated input: its text, the file name it is read as (the extension picks the reader), what was done.</summary>
    public (string Text, string File, string What) Mutate(string sourceName, string sourceText)
    {
        var what = new List<string>();
        var json = sourceName.EndsWith(".json", StringComparison.Ordinal) && draw.Chance(0.5);
        string text;
        if (draw.Chance(0.05))
        {
            (text, var special) = Special();
            return (text, draw.Chance(0.2) ? "fuzz.json" : "fuzz.yaml", special);
        }

        var root = FuzzText.Read(sourceText);
        var count = draw.Weighted((5, 1), (3, 2), (2, 3), (1, 6));
        for (var i = 0; i < count && !_grown; i++)
        {
            what.Add(MutateTree(ref root));
        }

        text = json ? FuzzText.WriteJson(root) : FuzzText.WriteYaml(root);
        if (draw.Chance(0.15))
        {
            what.Add(MutateText(ref text));
        }

        return (text, json ? "fuzz.json" : "fuzz.yaml", $"{sourceName}: {string.Join("; ", what)}");
    }

    private string MutateTree(ref FuzzNode root)
    {
        var nodes = new List<(FuzzNode Node, FuzzNode? Parent)>();
        Collect(root, null, nodes, 0);
        var (target, _) = draw.Pick(nodes);
        var maps = nodes.Where(n => n.Node is FuzzMap { Entries.Count: > 0 }).Select(n => (FuzzMap)n.Node).ToList();
        switch (draw.Int(0, 15))
        {
            case 0 when maps.Count > 0:
            {
                var map = draw.Pick(maps);
                var index = draw.Int(0, map.Entries.Count - 1);
                var key = FuzzText.Flow(map.Entries[index].Key);
                map.Entries.RemoveAt(index);
                return $"deleted key {key}";
            }

            case 1 when maps.Count > 0:
            {
                var map = draw.Pick(maps);
                var entry = draw.Pick(map.Entries);
                map.Entries.Insert(draw.Int(0, map.Entries.Count), new(entry.Key.Clone(), draw.Chance(0.5) ? entry.Value.Clone() : Value()));
                return $"duplicated key {FuzzText.Flow(entry.Key)}";
            }

            case 2 when maps.Count > 0:
            {
                var map = draw.Pick(maps);
                var index = draw.Int(0, map.Entries.Count - 1);
                var old = FuzzText.Flow(map.Entries[index].Key);
                var key = draw.Weighted<FuzzNode>(
                    (4, new FuzzScalar(draw.Pick(FormatKeys))),
                    (3, new FuzzScalar(Typo(old.Trim('"')))),
                    (2, new FuzzScalar(draw.Pick(HostileStrings), draw.Chance(0.7))),
                    (1, draw.Chance(0.5) ? new FuzzSequence([new FuzzScalar("a")]) : new FuzzMap([new(new FuzzScalar("a"), new FuzzScalar("b"))])));
                map.Entries[index] = new(key, map.Entries[index].Value);
                return $"renamed key {old} to {FuzzText.Flow(key)}";
            }

            case 3 or 4:
                Replace(root, target, Value());
                return $"retyped a {target.GetType().Name[4..]} to {FuzzText.Flow(Truncated(Value()))}";
            case 5:
            {
                var types = nodes.Where(n => n.Parent is FuzzMap m && m.Entries.Any(e => e.Value == n.Node && e.Key is FuzzScalar { Value: "type" or "payload" or "result" or "streamingPayload" or "streamingResult" })).ToList();
                var broken = draw.Chance(0.15) ? DeepTypeExpression() : draw.Pick(BrokenTypes);
                Replace(root, types.Count > 0 ? draw.Pick(types).Node : target, new FuzzScalar(broken, true));
                return $"type expression {Shorten(broken)}";
            }

            case 6:
                Replace(root, target, new FuzzScalar(HostileString(), draw.Chance(0.6)));
                return "hostile string";
            case 7:
                Replace(root, target, new FuzzScalar(draw.Pick(HostileNumbers)));
                return "hostile number";
            case 8 when nodes.Count > 1:
            {
                var anchor = "a" + draw.Int(0, 9);
                var (source, _) = draw.Pick(nodes);
                source.Anchor = anchor;
                var (other, _) = draw.Pick(nodes);
                Replace(root, other, new FuzzAlias(draw.Chance(0.9) ? anchor : "undefined"));
                return $"anchor &{anchor} and alias";
            }

            case 9 when maps.Count > 1:
            {
                var source = draw.Pick(maps);
                source.Anchor = "m";
                var into = draw.Pick(maps);
                into.Entries.Insert(draw.Int(0, into.Entries.Count), new(new FuzzScalar("<<"), draw.Chance(0.5) ? new FuzzAlias("m") : new FuzzSequence([new FuzzAlias("m")])));
                return "merge key";
            }

            case 10:
            {
                // Deeper inputs are written as text (MutateText, Special): this tree's own code is recursive.
                _grown = true;
                var depth = draw.Weighted((3, draw.Int(10, 100)), (2, draw.Int(100, 300)));
                Replace(root, target, Deep(depth, target));
                return $"nested {depth} deep";
            }

            case 11 when maps.Count > 0:
            {
                var map = draw.Pick(maps);
                _grown = true;
                var n = draw.Weighted((12, draw.Int(10, 1000)), (1, draw.Int(1000, 20000)));
                var template = draw.Pick(map.Entries);
                for (var i = 0; i < n; i++)
                {
                    map.Entries.Add(new(new FuzzScalar("k" + i.ToString(CultureInfo.InvariantCulture)), template.Value.Clone()));
                }

                return $"{n} more keys";
            }

            case 12:
            {
                _grown = true;
                var length = draw.Weighted((12, 10_000), (1, 1_000_000));
                Replace(root, target, new FuzzScalar(new string(draw.Chance(0.5) ? 'x' : 'ü', length), true));
                return $"string of {length}";
            }

            case 13 when root is FuzzMap top:
                _grown = true;
                top.Entries.Add(new(new FuzzScalar("bomb"), AliasBomb()));
                return "alias bomb";
            case 14:
            {
                _grown = true;
                var values = new FuzzSequence(Enumerable.Range(0, draw.Int(0, 5000)).Select(i => (FuzzNode)new FuzzScalar(i.ToString(CultureInfo.InvariantCulture))).ToList());
                Replace(root, target, values);
                return $"sequence of {values.Items.Count}";
            }

            default:
                if (maps.Count > 0)
                {
                    var map = draw.Pick(maps);
                    map.Entries.Add(new(new FuzzScalar(draw.Pick(FormatKeys)), Value()));
                    return "added a key";
                }

                return "nothing";
        }
    }

    private string MutateText(ref string text)
    {
        var lines = text.Split('\n').ToList();
        switch (draw.Int(0, 9))
        {
            case 9:
            {
                var candidates = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(": ", StringComparison.Ordinal)).ToList();
                if (candidates.Count == 0)
                {
                    return "nothing";
                }

                var (line, index) = draw.Pick(candidates);
                var depth = draw.Weighted((2, draw.Int(300, 2000)), (1, draw.Int(2000, 200_000)));
                var open = draw.Chance(0.5) ? "[" : "{a: ";
                var close = open == "[" ? "]" : "}";
                lines[index] = line[..(line.IndexOf(": ", StringComparison.Ordinal) + 2)] + string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));
                text = string.Join('\n', lines);
                return $"value nested {depth} deep";
            }

            case 0:
            {
                var i = draw.Int(0, lines.Count - 1);
                lines[i] = "\t" + lines[i].TrimStart(' ');
                text = string.Join('\n', lines);
                return "tab indentation";
            }

            case 1:
            {
                var at = draw.Int(0, text.Length);
                text = text.Insert(at, draw.Pick([":", "{", "}", "[", "]", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "#", "-", "?", "\t", "\n", "\0", "\uFFFD", "\uD800", "\r", "\u2028", "\uFEFF"]));
                return "stray character";
            }

            case 2:
                text = text[..draw.Int(0, text.Length)];
                return "truncated";
            case 3:
            {
                // Invalid UTF-8, decoded the way the CLI decodes a file (File.ReadAllText: replacement characters).
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var i = 0; i < draw.Int(1, 8) && bytes.Length > 0; i++)
                {
                    bytes[draw.Int(0, bytes.Length - 1)] = (byte)draw.Pick([0xC0, 0xC1, 0xF5, 0xFF, 0x80, 0xBF, 0xE0, 0xED]);
                }

                text = Encoding.UTF8.GetString(bytes);
                return "invalid UTF-8";
            }

            case 4:
                text = draw.Pick(["%YAML 1.1\n---\n", "%TAG ! tag:x,2000:\n---\n", "--- !custom\n", "---\n", "...\n", "# comment\n"]) + text + draw.Pick(["", "\n---\nsecond: doc\n", "\n...\n", "\n--- \n"]);
                return "document markers";
            case 5:
            {
                var i = draw.Int(0, lines.Count - 1);
                lines[i] = lines[i].Replace(": ", draw.Pick([": !!str ", ": !!int ", ": !!map ", ": !custom ", ": |\n  ", ": >-\n  ", ":"]), StringComparison.Ordinal);
                text = string.Join('\n', lines);
                return "tags and block scalars";
            }

            case 6 when lines.Count > 2:
            {
                var i = draw.Int(0, lines.Count - 2);
                (lines[i], lines[i + 1]) = (lines[i + 1], lines[i]);
                text = string.Join('\n', lines);
                return "swapped lines";
            }

            case 7:
                text = text.Replace("\n", draw.Pick(["\r\n", "\r", "\n\n", " \n"]), StringComparison.Ordinal);
                return "newlines";
            default:
            {
                var i = draw.Int(0, lines.Count - 1);
                lines[i] = new string(' ', draw.Int(0, 7)) + lines[i].TrimStart();
                text = string.Join('\n', lines);
                return "indentation";
            }
        }
    }

    /// <summary>Inputs not derived from a design: the classic parser killers.</summary>
    private (string Text, string What) Special()
    {
        var n = draw.Weighted((2, 100), (2, 5_000), (1, 100_000));
        return draw.Int(0, 9) switch
        {
            0 => (new string('[', n) + new string(']', n), $"{n} nested flow sequences"),
            1 => (new string('{', n), $"{n} unclosed flow mappings"),
            2 => (string.Concat(Enumerable.Range(0, Math.Min(n, 5000)).Select(i => new string(' ', i) + "a:\n")), "deep block mappings"),
            3 => (string.Concat(Enumerable.Range(0, Math.Min(n, 5000)).Select(i => new string(' ', i * 2) + "- \n")), "deep block sequences"),
            4 => ("a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n", "billion laughs"),
            5 => ("api: { name: p }\nservices:\n  s:\n    methods:\n      m: { payload: \"" + DeepTypeExpression() + "\" }\n", "deep type expression"),
            6 => (new string('"', n), "quotes"),
            7 => ("{\"a\":" + string.Concat(Enumerable.Repeat("[", n)) + string.Concat(Enumerable.Repeat("]", n)) + "}", "deep JSON"),
            8 => (string.Concat(Enumerable.Range(0, 3000).Select(i => $"k{i}: &x{i} v\n")) + string.Concat(Enumerable.Range(0, 3000).Select(i => $"r{i}: *x{i}\n")), "many anchors"),
            _ => (new string('\0', 10) + "\uFFFE\uFFFF\uD800", "control characters"),
        };
    }

    private FuzzNode AliasBomb()
    {
        var width = draw.Int(5, 12);
        var levels = draw.Int(5, 12);
        var top = new FuzzSequence([]);
        FuzzNode previous = new FuzzScalar("lol") { Anchor = "l0" };
        top.Items.Add(previous);
        for (var level = 1; level <= levels; level++)
        {
            var items = Enumerable.Range(0, width).Select(_ => (FuzzNode)new FuzzAlias("l" + (level - 1).ToString(CultureInfo.InvariantCulture))).ToList();
            previous = new FuzzSequence(items) { Anchor = "l" + level.ToString(CultureInfo.InvariantCulture) };
            top.Items.Add(previous);
        }

        return top;
    }

    private string DeepTypeExpression()
    {
        var depth = draw.Weighted((2, 50), (2, 1000), (1, 50_000));
        return string.Concat(Enumerable.Repeat(draw.Chance(0.5) ? "ArrayOf(" : "MapOf(String, ", depth)) + "String" + new string(')', depth);
    }

    private FuzzNode Deep(int depth, FuzzNode leaf)
    {
        var node = draw.Chance(0.3) ? leaf.Clone() : new FuzzScalar("x");
        var kind = draw.Int(0, 2);
        for (var i = 0; i < depth; i++)
        {
            node = kind switch
            {
                0 => new FuzzSequence([node]),
                1 => new FuzzMap([new(new FuzzScalar("attributes"), new FuzzMap([new(new FuzzScalar("a" + i.ToString(CultureInfo.InvariantCulture)), node)]))]),
                _ => new FuzzMap([new(new FuzzScalar("k"), node)]),
            };
        }

        return node;
    }

    private FuzzNode Value() => draw.Int(0, 7) switch
    {
        0 => new FuzzMap([]),
        1 => new FuzzSequence([]),
        2 => new FuzzScalar(draw.Pick(["null", "~", ""])),
        3 => new FuzzScalar(draw.Pick(HostileNumbers)),
        4 => new FuzzScalar(draw.Pick(["true", "false", "yes", "no", "on", "off"])),
        5 => new FuzzSequence([new FuzzScalar(HostileString(), true), new FuzzMap([new(new FuzzScalar("type"), new FuzzScalar("String"))])]),
        6 => new FuzzMap([new(new FuzzScalar(draw.Pick(FormatKeys)), new FuzzScalar(draw.Pick(HostileStrings), true))]),
        _ => new FuzzScalar(HostileString(), true),
    };

    private string HostileString() => draw.Chance(0.8) ? draw.Pick(HostileStrings) : string.Concat(Enumerable.Range(0, draw.Int(1, 6)).Select(_ => draw.Pick(HostileStrings)));

    private string Typo(string word)
    {
        if (word.Length == 0)
        {
            return "x";
        }

        var i = draw.Int(0, word.Length - 1);
        return draw.Int(0, 3) switch
        {
            0 => word.Remove(i, 1),
            1 => word.Insert(i, "x"),
            2 => word.ToUpperInvariant(),
            _ => word + "s",
        };
    }

    private static FuzzNode Truncated(FuzzNode node) => node is FuzzScalar { Value.Length: > 40 } s ? new FuzzScalar(s.Value[..40] + "…") : node;

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + $"…({text.Length} chars)" : text;

    private static void Collect(FuzzNode node, FuzzNode? parent, List<(FuzzNode, FuzzNode?)> all, int depth)
    {
        all.Add((node, parent));
        if (depth > 200)
        {
            return;
        }

        switch (node)
        {
            case FuzzMap map:
                foreach (var (key, value) in map.Entries)
                {
                    Collect(value, node, all, depth + 1);
                }

                break;
            case FuzzSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Collect(item, node, all, depth + 1);
                }

                break;
        }
    }

    /// <summary>Replaces <paramref name="target"/> wherever it is a value under <paramref name="node"/> (the root stays).</summary>
    private static bool Replace(FuzzNode node, FuzzNode target, FuzzNode replacement)
    {
        switch (node)
        {
            case FuzzMap map:
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    if (map.Entries[i].Value == target)
                    {
                        map.Entries[i] = new(map.Entries[i].Key, replacement);
                        return true;
                    }

                    if (Replace(map.Entries[i].Value, target, replacement))
                    {
                        return true;
                    }
                }

                break;
            case FuzzSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (sequence.Items[i] == target)
                    {
                        sequence.Items[i] = replacement;
                        return true;
                    }

                    if (Replace(sequence.Items[i], target, replacement))
                    {
                        return true;
                    }
                }

                break;
        }

        return false;
    }
}
