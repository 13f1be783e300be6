using StreamGen.Diagnostics;

namespace StreamGen.Design.Types;

/// <summary>
/// Name lookup and type-expression resolution over a design, shared by validation and the model builder.
/// Parse errors are reported once per expression (SG2001) and unknown names once per use (SG2002).
/// </summary>
public sealed class DesignIndex
{
    private readonly Dictionary<string, DesignObject> _named = new(StringComparer.Ordinal);
    private readonly Dictionary<DesignElement, TypeExpression?> _resolved = [];
    private readonly DiagnosticBag _diagnostics;

    public DesignIndex(DesignDocument document, DiagnosticBag diagnostics)
    {
        Document = document;
        _diagnostics = diagnostics;
        foreach (var (name, type) in document.Types ?? [])
        {
            _named.TryAdd(name, new DesignObject(type, name, $"type '{name}'", type.Attributes, type.Required));
        }

        foreach (var (name, type) in document.ResultTypes ?? [])
        {
            _named.TryAdd(name, new DesignObject(type, name, $"result type '{name}'", type.Attributes, type.Required));
        }
    }

    public DesignDocument Document { get; }

    public IEnumerable<DesignObject> NamedObjects => _named.Values;

    public IEnumerable<string> TypeNames => _named.Keys.Concat(PrimitiveKinds.Names);

    public DesignObject? Named(string name) => _named.GetValueOrDefault(name);

    /// <summary>The type of an attribute, or null when it is missing or broken (already reported).</summary>
    public TypeExpression? TypeOf(DesignAttribute attribute, string where) =>
        Resolve(attribute, attribute.Type, attribute.Attributes, attribute.Required, where, attribute.SpanOf("type"));

    /// <summary>The type of a payload/result reference, or null when it is missing or broken (already reported).</summary>
    public TypeExpression? TypeOf(DesignTypeRef reference, string where) =>
        Resolve(reference, reference.Type, reference.Attributes, reference.Required, where, reference.SpanOf("type"));

    /// <summary>The object behind a type expression (named or inline), or null for primitives and collections.</summary>
    public DesignObject? ObjectOf(TypeExpression? type) => type switch
    {
        InlineTypeExpression inline => inline.Object,
        NamedTypeExpression named => Named(named.Name),
        _ => null,
    };

    private TypeExpression? Resolve(DesignElement owner, string? text, OrderedDictionary<string, DesignAttribute>? attributes, List<string>? required, string where, SourceSpan span)
    {
        if (_resolved.TryGetValue(owner, out var cached))
        {
            return cached;
        }

        TypeExpression? result = null;
        if (text is not null && attributes is null)
        {
            result = TypeExpressionParser.Parse(text, out var error);
            if (result is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.MalformedTypeExpression, span, text, error);
            }
            else if (!CheckNames(result, span))
            {
                result = null;
            }
        }
        else if (text is null && attributes is not null)
        {
            result = new InlineTypeExpression(new DesignObject(owner, null, where, attributes, required));
        }
        else if (text is not null)
        {
            _diagnostics.Report(DiagnosticDescriptors.AttributeTypeMissing, owner.Span, Capitalize(where), "both");
        }
        else if (!owner.Has("type") && !owner.Has("attributes"))
        {
            // When a key is present but its value was of the wrong kind, SG1002 has said so already.
            _diagnostics.Report(DiagnosticDescriptors.AttributeTypeMissing, owner.Span, Capitalize(where), "neither");
        }

        _resolved[owner] = result;
        return result;
    }

    private bool CheckNames(TypeExpression type, SourceSpan span)
    {
        switch (type)
        {
            case NamedTypeExpression named when !_named.ContainsKey(named.Name):
                _diagnostics.ReportWithHint(DiagnosticDescriptors.UnknownType, span, NameSuggester.Hint(named.Name, TypeNames.Concat(["ArrayOf", "MapOf"])), named.Name);
                return false;
            case ArrayTypeExpression array:
                return CheckNames(array.Element, span);
            case MapTypeExpression map:
                var keyOk = CheckNames(map.Key, span);
                if (keyOk && map.Key is not PrimitiveTypeExpression { Kind: not (PrimitiveKind.Float32 or PrimitiveKind.Float64 or PrimitiveKind.Bytes or PrimitiveKind.Any) })
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidMapKey, span, map.Key);
                    keyOk = false;
                }

                return CheckNames(map.Value, span) && keyOk;
            default:
                return true;
        }
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
