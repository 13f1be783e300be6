using StreamGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StreamGen.Design.Syntax;

/// <summary>
/// Reads YAML through YamlDotNet's event parser into the positional syntax tree. The event level
/// (rather than YamlStream) keeps duplicate keys for the binder to report with both positions,
/// and a syntax error becomes one SG1000 diagnostic instead of an exception. Nesting is bounded (the reader recurses)
/// and so is what aliases expand to (an alias shares its node, so a "billion laughs" document would otherwise make
/// every later stage walk billions of nodes): both limits are far beyond any real design.
/// </summary>
public sealed class YamlSyntaxReader(string file)
{
    /// <summary>Deepest nesting of mappings and sequences read; a design needs about a dozen levels.</summary>
    public const int MaxDepth = 256;

    /// <summary>Most nodes the document may hold once every alias is expanded; a large design has a few thousand.</summary>
    public const int MaxExpandedNodes = 200_000;

    private readonly Dictionary<string, AnchoredNode> _anchors = new(StringComparer.Ordinal);
    private Mark _lastMark = new(0, 1, 1);
    private long _expandedNodes;

    public SyntaxNode? Read(string text, DiagnosticBag diagnostics)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var next = parser.Current!;
                diagnostics.Report(DiagnosticDescriptors.SyntaxError, SpanOf(next.Start), "A design holds one YAML document; found a second one");
            }

            return root;
        }
        catch (YamlException e)
        {
            diagnostics.Report(DiagnosticDescriptors.SyntaxError, SpanOf(e.Start), Clean(e.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (with no position) on some malformed flow collections, e.g. a '{' never closed.
            diagnostics.Report(DiagnosticDescriptors.SyntaxError, SpanOf(_lastMark), "Malformed YAML after this point: is a '{' or '[' left unclosed?");
            return null;
        }
    }

    private SyntaxNode ReadNode(IParser parser, int depth)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"Alias '*{alias.Value}' names no anchor defined before it");
            }

            Count(target.Size, alias.Start);
            return target.Node;
        }

        if (depth > MaxDepth && parser.Current is { } deep && deep is not Scalar)
        {
            throw new YamlException(deep.Start, deep.End, $"Nesting deeper than {MaxDepth} levels: a design is never this deep");
        }

        var before = _expandedNodes;
        Count(1, parser.Current?.Start ?? _lastMark);
        SyntaxNode node;
        string? anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            _lastMark = scalar.End;
            anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
            var kind = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty
                ? CoreSchema.Resolve(scalar.Value)
                : ScalarKind.String;
            node = new ScalarNode(SpanOf(scalar.Start), scalar.Value, kind);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            _lastMark = sequenceStart.End;
            anchor = sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value;
            var items = new List<SyntaxNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, depth + 1));
            }

            node = new SequenceNode(SpanOf(sequenceStart.Start), items);
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            _lastMark = mappingStart.End;
            anchor = mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value;
            var entries = new List<MappingEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, depth + 1);
                var key = keyNode as ScalarNode
                    ?? throw new YamlException(ToMark(keyNode.Span), ToMark(keyNode.Span), "Mapping keys must be plain names, not " + keyNode.KindDescription);
                entries.Add(new MappingEntry(key, ReadNode(parser, depth + 1)));
            }

            node = new MappingNode(SpanOf(mappingStart.Start), entries);
        }
        else
        {
            var current = parser.Current!;
            throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name}");
        }

        if (anchor is not null)
        {
            _anchors[anchor] = new AnchoredNode(node, _expandedNodes - before);
        }

        return node;
    }

    private void Count(long nodes, Mark at)
    {
        _expandedNodes += nodes;
        if (_expandedNodes > MaxExpandedNodes)
        {
            throw new YamlException(at, at, $"Aliases expand this document beyond {MaxExpandedNodes:N0} nodes (an alias bomb?); write the repeated parts out, or fewer times");
        }
    }

    private SourceSpan SpanOf(Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    private static Mark ToMark(SourceSpan span) => new(0, span.Line, span.Column);

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the diagnostic carries the position already.</summary>
    private static string Clean(string message)
    {
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && separator >= 0 ? message[(separator + 3)..] : message;
    }
}
