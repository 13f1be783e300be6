using System.Text.RegularExpressions;
using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;

namespace StreamGen.Validation.Rules;

/// <summary>Types and attributes: type expressions, required lists, validations and their literals, recursion.</summary>
internal sealed class TypeRules(ValidationContext context)
{
    public static IReadOnlyList<string> Formats { get; } =
        ["date", "date-time", "uuid", "email", "hostname", "ipv4", "ipv6", "ip", "uri", "mac", "cidr", "regexp", "json", "rfc1123"];

    private readonly HashSet<DesignObject> _visited = [];

    public void Run()
    {
        foreach (var type in context.Index.NamedObjects)
        {
            VisitObject(type);
        }

        foreach (var (_, method) in context.Methods)
        {
            foreach (var (role, reference) in method.TypeReferences())
            {
                if (context.Index.ObjectOf(context.Index.TypeOf(reference, ValidationContext.Where(method, role))) is { TypeName: null } inline)
                {
                    VisitObject(inline);
                }
            }
        }

        new RecursionRule(context).Run();
    }

    private void VisitObject(DesignObject type)
    {
        if (!_visited.Add(type))
        {
            return;
        }

        for (var i = 0; i < type.Required.Count; i++)
        {
            var name = type.Required[i];
            if (!type.Attributes.ContainsKey(name))
            {
                context.ReportWithHint(
                    DiagnosticDescriptors.UnknownRequiredAttribute, type.Owner.ItemSpanOf("required", i), NameSuggester.Hint(name, type.Attributes.Keys), name, type.Description);
            }
        }

        foreach (var (name, attribute) in type.Attributes)
        {
            var where = $"attribute '{name}' of {type.Description}";
            var attributeType = context.Index.TypeOf(attribute, where);
            if (attributeType is null)
            {
                continue;
            }

            CheckValidations(attribute, attributeType);
            if (attributeType is InlineTypeExpression inline)
            {
                VisitObject(inline.Object);
            }
        }
    }

    /// <summary>Why a bound cannot be compared with values of <paramref name="kind"/>, or null: integers take whole numbers in their range (found by the fuzzer: a bound of 0.5 on an Int crashed the generator).</summary>
    private static string? BoundError(PrimitiveKind kind, double value)
    {
        if (double.IsNaN(value))
        {
            return "it is not a number";
        }

        if (!kind.IsInteger())
        {
            return null;
        }

        var (min, max) = kind switch
        {
            PrimitiveKind.Int or PrimitiveKind.Int32 => ((double)int.MinValue, (double)int.MaxValue),
            PrimitiveKind.Int64 => (long.MinValue, long.MaxValue),
            PrimitiveKind.UInt or PrimitiveKind.UInt32 => (0d, uint.MaxValue),
            _ => (0d, ulong.MaxValue),
        };
        return value != Math.Floor(value) || double.IsInfinity(value) ? "it is not a whole number"
            : value < min || value > max ? $"it is outside {min:R}..{max:R}"
            : null;
    }

    private void CheckValidations(DesignAttribute attribute, TypeExpression type)
    {
        var primitive = (type as PrimitiveTypeExpression)?.Kind;
        var isString = primitive == PrimitiveKind.String;
        var isNumber = primitive?.IsNumber() == true;
        var isCollection = type is ArrayTypeExpression or MapTypeExpression;

        NotApplicable("format", !isString);
        NotApplicable("pattern", !isString);
        NotApplicable("minLength", !isString && primitive != PrimitiveKind.Bytes);
        NotApplicable("maxLength", !isString && primitive != PrimitiveKind.Bytes);
        NotApplicable("minimum", !isNumber);
        NotApplicable("maximum", !isNumber);
        NotApplicable("exclusiveMinimum", !isNumber);
        NotApplicable("exclusiveMaximum", !isNumber);
        NotApplicable("minItems", !isCollection);
        NotApplicable("maxItems", !isCollection);
        NotApplicable("enum", primitive is null or PrimitiveKind.Any or PrimitiveKind.Bytes);

        if (isString && attribute.Format is { } format && !Formats.Contains(format))
        {
            context.ReportWithHint(DiagnosticDescriptors.UnknownFormat, attribute.SpanOf("format"), NameSuggester.Hint(format, Formats), format);
        }

        if (isString && attribute.Pattern is { } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                context.Report(DiagnosticDescriptors.InvalidPattern, attribute.SpanOf("pattern"), attribute.Name, e.Message);
            }
        }

        CheckBound("minimum", attribute.Minimum);
        CheckBound("exclusiveMinimum", attribute.ExclusiveMinimum);
        CheckBound("maximum", attribute.Maximum);
        CheckBound("exclusiveMaximum", attribute.ExclusiveMaximum);

        CheckRange("minimum", attribute.Minimum, "maximum", attribute.Maximum);
        CheckRange("exclusiveMinimum", attribute.ExclusiveMinimum, "exclusiveMaximum", attribute.ExclusiveMaximum);
        CheckRange("minLength", attribute.MinLength, "maxLength", attribute.MaxLength);
        CheckRange("minItems", attribute.MinItems, "maxItems", attribute.MaxItems);
        CheckLength("minLength", attribute.MinLength);
        CheckLength("maxLength", attribute.MaxLength);
        CheckLength("minItems", attribute.MinItems);
        CheckLength("maxItems", attribute.MaxItems);

        var enumValues = new List<object?>();
        if (attribute.Enum is { } values && primitive is not null and not PrimitiveKind.Any and not PrimitiveKind.Bytes)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (DesignLiterals.TryRead(type, values[i].Node, out var value, out var error))
                {
                    enumValues.Add(value);
                }
                else
                {
                    context.Report(DiagnosticDescriptors.InvalidLiteral, values[i].Span, "Enum value", attribute.Name, type, error);
                }
            }
        }

        foreach (var (key, literal) in new[] { ("default", attribute.Default), ("example", attribute.Example) })
        {
            if (literal is null)
            {
                continue;
            }

            if (!DesignLiterals.TryRead(type, literal.Node, out var value, out var error))
            {
                context.Report(DiagnosticDescriptors.InvalidLiteral, literal.Span, key == "default" ? "Default" : "Example", attribute.Name, type, error);
            }
            else if (key == "default" && enumValues.Count > 0 && !enumValues.Contains(value))
            {
                context.Report(DiagnosticDescriptors.DefaultNotInEnum, literal.Span, literal, attribute.Name);
            }
        }

        void NotApplicable(string key, bool notApplicable)
        {
            if (notApplicable && attribute.Has(key))
            {
                context.Report(DiagnosticDescriptors.ValidationNotApplicable, attribute.KeySpanOf(key), key, attribute.Name, type);
            }
        }

        void CheckBound(string key, double? bound)
        {
            if (isNumber && primitive is { } kind && bound is { } value && BoundError(kind, value) is { } error)
            {
                context.Report(DiagnosticDescriptors.InvalidLiteral, attribute.SpanOf(key), key, attribute.Name, type, error);
            }
        }

        void CheckLength(string key, int? length)
        {
            if (length < 0)
            {
                context.Report(DiagnosticDescriptors.InvalidLiteral, attribute.SpanOf(key), key, attribute.Name, "length", "it is negative");
            }
        }

        void CheckRange(string minKey, double? min, string maxKey, double? max)
        {
            if (min > max)
            {
                context.Report(DiagnosticDescriptors.InvalidRange, attribute.SpanOf(minKey), minKey, min, maxKey, max, attribute.Name);
            }
        }
    }
}
