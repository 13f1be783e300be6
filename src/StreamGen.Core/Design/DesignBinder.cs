using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using StreamGen.Design.Syntax;
using StreamGen.Diagnostics;

namespace StreamGen.Design;

/// <summary>
/// Binds the positional syntax tree to the design classes. The classes' <see cref="JsonPropertyNameAttribute"/>
/// names are the only list of keys, so the binder, the JSON Schema and the docs cannot disagree. Every
/// unknown key, wrong kind of value, duplicate and missing required key is reported; binding goes on.
/// </summary>
public sealed class DesignBinder(DiagnosticBag diagnostics)
{
    private static readonly Dictionary<Type, IReadOnlyList<DesignProperty>> PropertyCache = [];
    private static readonly Dictionary<Type, BindingShape> ShapeCache = [];

    public DesignDocument? Bind(SyntaxNode root, string file)
    {
        if (root is not MappingNode)
        {
            diagnostics.Report(DiagnosticDescriptors.WrongValueKind, root.Span, "the design", "a mapping", root.KindDescription);
            return null;
        }

        var document = (DesignDocument)BindElement(typeof(DesignDocument), root, "the design")!;
        document.File = file;
        return document;
    }

    public static IReadOnlyList<DesignProperty> PropertiesOf(Type type)
    {
        lock (PropertyCache)
        {
            if (!PropertyCache.TryGetValue(type, out var properties))
            {
                var found = new List<DesignProperty>();
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name is { } name && property.CanWrite)
                    {
                        found.Add(new DesignProperty(name, property, property.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute)), PropertySetter.Compile(property)));
                    }
                }

                properties = found;
                PropertyCache[type] = properties;
            }

            return properties;
        }
    }

    private static BindingShape ShapeOf(Type type)
    {
        lock (ShapeCache)
        {
            if (!ShapeCache.TryGetValue(type, out var shape))
            {
                ShapeCache[type] = shape = BindingShape.Of(type);
            }

            return shape;
        }
    }

    private object? BindValue(Type type, SyntaxNode node, string key, string where)
    {
        var shape = ShapeOf(type);
        return shape.Kind switch
        {
            BindingKind.Value => new DesignValue(node),
            BindingKind.Element => BindElement(shape.Type, node, $"'{key}' of {where}"),
            BindingKind.List => BindList(shape, node, key, where),
            BindingKind.Map => BindMap(shape, node, key, where),
            _ => BindScalar(shape.Type, node, key),
        };
    }

    private object? BindScalar(Type type, SyntaxNode node, string key)
    {
        var scalar = node as ScalarNode;
        if (type == typeof(string))
        {
            if (scalar is { Kind: ScalarKind.String })
            {
                return scalar.Value;
            }

            var hint = scalar is { Kind: not ScalarKind.Null } ? $"quote it: \"{scalar.Value}\"" : null;
            diagnostics.ReportWithHint(DiagnosticDescriptors.WrongValueKind, node.Span, hint, key, "a string", node.KindDescription);
            return null;
        }

        if (type == typeof(bool))
        {
            if (scalar is not null && scalar.TryGetBoolean(out var flag))
            {
                return flag;
            }

            diagnostics.Report(DiagnosticDescriptors.WrongValueKind, node.Span, key, "true or false", node.KindDescription);
            return null;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            if (scalar is not null && scalar.TryGetInt64(out var integer) && (type == typeof(long) || integer is >= int.MinValue and <= int.MaxValue))
            {
                return type == typeof(int) ? (object)(int)integer : integer;
            }

            diagnostics.Report(DiagnosticDescriptors.WrongValueKind, node.Span, key, "an integer", node.KindDescription);
            return null;
        }

        if (type == typeof(double))
        {
            if (scalar is not null && scalar.TryGetDouble(out var number))
            {
                return number;
            }

            diagnostics.Report(DiagnosticDescriptors.WrongValueKind, node.Span, key, "a number", node.KindDescription);
            return null;
        }

        throw new InvalidOperationException($"The binder has no rule for {type}.");
    }

    private IList? BindList(BindingShape listShape, SyntaxNode node, string key, string where)
    {
        if (node is not SequenceNode sequence)
        {
            diagnostics.Report(DiagnosticDescriptors.WrongValueKind, node.Span, key, "a sequence", node.KindDescription);
            return null;
        }

        var itemType = listShape.ItemType!;
        var list = (IList)Activator.CreateInstance(listShape.Type)!;
        foreach (var item in sequence.Items)
        {
            var value = BindValue(itemType, item, key, where);
            if (value is not null)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private IDictionary? BindMap(BindingShape mapShape, SyntaxNode node, string key, string where)
    {
        if (node is not MappingNode mapping)
        {
            diagnostics.Report(DiagnosticDescriptors.WrongValueKind, node.Span, key, "a mapping", node.KindDescription);
            return null;
        }

        var valueType = mapShape.ItemType!;
        var valueIsElement = typeof(DesignElement).IsAssignableFrom(valueType);
        var noun = NounOf(valueType);
        var map = (IDictionary)Activator.CreateInstance(mapShape.Type)!;
        var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        foreach (var (entryKey, entryValue) in mapping.Entries)
        {
            if (!seen.TryAdd(entryKey.Value, entryKey))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateKey, entryKey.Span, entryKey.Value, $"'{key}' of {where}", seen[entryKey.Value].Span.Line);
                continue;
            }

            var value = valueIsElement
                ? BindElement(valueType, entryValue, $"{noun} '{entryKey.Value}'")
                : BindValue(valueType, entryValue, entryKey.Value, where);
            if (value is DesignElement element)
            {
                element.Name = entryKey.Value;
                element.NameSpan = entryKey.Span;
            }

            if (value is not null)
            {
                map.Add(entryKey.Value, value);
            }
        }

        return map;
    }

    private DesignElement? BindElement(Type type, SyntaxNode node, string where)
    {
        var properties = PropertiesOf(type);
        var element = (DesignElement)Activator.CreateInstance(type)!;
        element.Span = node.Span;

        if (node is ScalarNode { Kind: ScalarKind.String } shorthand && type.GetCustomAttribute<ScalarShorthandAttribute>() is { } attribute)
        {
            var target = properties.Single(p => p.Name == attribute.Key);
            target.Set(element, target.Property.PropertyType == typeof(List<string>) ? new List<string> { shorthand.Value } : shorthand.Value);
            element.RecordKey(target.Name, node.Span, node.Span);
            return element;
        }

        if (node is not MappingNode mapping)
        {
            var expected = type.IsDefined(typeof(ScalarShorthandAttribute)) ? "a type name or a mapping" : "a mapping";
            var hint = node is ScalarNode { Kind: ScalarKind.Null } ? "write {} for an empty mapping" : null;
            diagnostics.ReportWithHint(DiagnosticDescriptors.WrongValueKind, node.Span, hint, where, expected, node.KindDescription);
            return null;
        }

        var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            if (!seen.TryAdd(key.Value, key))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateKey, key.Span, key.Value, where, seen[key.Value].Span.Line);
                continue;
            }

            var property = properties.FirstOrDefault(p => p.Name == key.Value);
            if (property is null)
            {
                diagnostics.ReportWithHint(
                    DiagnosticDescriptors.UnknownKey, key.Span, NameSuggester.Hint(key.Value, properties.Select(p => p.Name)), key.Value, where);
                continue;
            }

            element.RecordKey(property.Name, key.Span, value.Span);
            RecordNestedSpans(element, property.Name, value);
            property.Set(element, BindValue(property.Property.PropertyType, value, property.Name, where));
        }

        foreach (var missing in properties.Where(p => p.IsRequired && !seen.ContainsKey(p.Name)))
        {
            diagnostics.Report(DiagnosticDescriptors.MissingRequiredKey, node.Span, Capitalize(where), missing.Name);
        }

        return element;
    }

    private static void RecordNestedSpans(DesignElement element, string key, SyntaxNode value)
    {
        switch (value)
        {
            case SequenceNode sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    element.RecordItem(key, i, sequence.Items[i].Span);
                }

                break;
            case MappingNode mapping:
                foreach (var (entryKey, entryValue) in mapping.Entries)
                {
                    element.RecordEntry(key, entryKey.Value, entryKey.Span, entryValue.Span);
                    if (entryValue is SequenceNode items)
                    {
                        for (var i = 0; i < items.Items.Count; i++)
                        {
                            element.RecordItem($"{key}.{entryKey.Value}", i, items.Items[i].Span);
                        }
                    }
                }

                break;
        }
    }

    private static string NounOf(Type type) => type.Name switch
    {
        nameof(DesignType) => "type",
        nameof(DesignResultType) => "result type",
        nameof(DesignAttribute) => "attribute",
        nameof(DesignService) => "service",
        nameof(DesignMethod) => "method",
        nameof(DesignError) => "error",
        nameof(DesignSecurityScheme) => "security scheme",
        nameof(DesignInterceptor) => "interceptor",
        nameof(DesignCredential) => "credential",
        _ => "entry",
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>One key of a design class: its name in the file and the property it fills (<paramref name="Set"/> sets it on an element).</summary>
public sealed record DesignProperty(string Name, PropertyInfo Property, bool IsRequired, Action<object, object?> Set);
