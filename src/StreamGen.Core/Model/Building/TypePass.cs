using System.Globalization;
using StreamGen.Design;
using StreamGen.Design.Syntax;
using StreamGen.Design.Types;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>Pass 2: a record for every object the name pass named: properties, C# types, defaults, checks and views.</summary>
internal sealed class TypePass(ModelContext context, ModelNames names, TypeRefFactory types)
{
    public IReadOnlyDictionary<DesignObject, TypeModel> Run() => names.Objects.ToDictionary(o => o, Record);

    private TypeModel Record(DesignObject type)
    {
        var recordNames = names.Record(type);
        var views = ViewsOf(type);
        var properties = new List<PropertyModel>();
        foreach (var (attributeName, attribute) in type.Attributes)
        {
            var inAllViews = views.All(v => v.Contains(attributeName));
            var hasDefault = attribute.Default is not null && inAllViews;
            properties.Add(Property(type, recordNames.Properties[attributeName], attributeName, attribute, type.IsRequired(attributeName) && inAllViews, hasDefault));
        }

        var hasViews = type.ResultType is not null;
        return new TypeModel
        {
            Name = recordNames.Name,
            FileName = recordNames.FileName,
            BaseInterface = hasViews ? $"Runtime::IViewedResult<{recordNames.Name}, {recordNames.ViewEnum}>" : "Runtime::IValidatable",
            Usings = CSharpUsings.Of(
                ["System.CodeDom.Compiler", "System.Text.Json.Serialization"],
                properties.SelectMany(p => p.Type.Namespaces),
                properties.Any(p => p.HasDefault && p.Type.IsMap) ? ["System.Collections.Generic"] : [],
                recordNames.Properties.Values.Any(p => p.PatternMethod is not null) ? ["System.Text.RegularExpressions"] : []),
            DesignName = type.TypeName ?? recordNames.Name,
            JsonInfoName = recordNames.JsonInfo,
            Description = Docs.Lines(DescriptionOf(type)),
            Properties = properties,
            Views = hasViews ? Views(type, recordNames, views, properties) : [],
            ViewEnumName = recordNames.ViewEnum,
            Patterns = type.Attributes.Entries()
                .Where(a => recordNames.Properties[a.Key].PatternMethod is not null)
                .Select(a => new PatternModel(recordNames.Properties[a.Key].PatternMethod!, CSharpLiterals.String(a.Value.Pattern!)))
                .ToList(),
        };
    }

    private static string? DescriptionOf(DesignObject type) => type.Owner switch
    {
        DesignType named => named.Description,
        DesignTypeRef reference => reference.Description,
        DesignAttribute attribute => attribute.Description,
        _ => null,
    };

    /// <summary>The attribute lists of a result type's views: as declared, or one default view with every attribute.</summary>
    private static List<List<string>> ViewsOf(DesignObject type) =>
        type.ResultType?.Views is { Count: > 0 } views
            ? views.Values.ToList()
            : [type.Attributes.Keys.ToList()];

    private static List<ViewModel> Views(DesignObject type, RecordNames recordNames, List<List<string>> views, List<PropertyModel> properties)
    {
        var byJson = properties.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
        return recordNames.Views.Keys.Select((name, i) => new ViewModel
        {
            Name = recordNames.Views[name],
            DesignName = name,
            NameLiteral = CSharpLiterals.String(name),
            Included = views[i],
            Excluded = properties.Where(p => !views[i].Contains(p.JsonName)).Select(p => p.Name).ToList(),
            RequiredNullable = views[i].Where(a => type.IsRequired(a) && byJson[a].IsNullable).Select(a => byJson[a]).ToList(),
        }).ToList();
    }

    private PropertyModel Property(DesignObject owner, PropertyNames propertyNames, string attributeName, DesignAttribute attribute, bool isRequired, bool hasDefault)
    {
        var type = context.TypeOf(attribute, attributeName);
        var typeRef = types.Of(attribute, attributeName);
        var isNullable = !isRequired && !hasDefault;
        string? defaultLiteral = null;
        if (hasDefault && DesignLiterals.TryRead(type, attribute.Default!.Node, out var value, out _))
        {
            defaultLiteral = typeRef.Enum is { } enumModel ? EnumLiteral(enumModel, (string)value!, owner) : Literal(type, value);
        }

        return new PropertyModel
        {
            Name = propertyNames.Property,
            JsonName = attributeName,
            JsonNameLiteral = CSharpLiterals.String(attributeName),
            Description = Docs.Lines(attribute.Description),
            TypeName = isNullable ? typeRef.NullableTypeName : typeRef.TypeName,
            Type = typeRef,
            IsRequired = isRequired && !hasDefault,
            IsNullable = isNullable,
            DefaultLiteral = defaultLiteral,
            NeedsPresenceCheck = !isNullable && !typeRef.IsValueType,
            LocalName = propertyNames.Local,
            Checks = Checks(propertyNames, attribute, type, typeRef),
        };
    }

    private List<CheckModel> Checks(PropertyNames propertyNames, DesignAttribute attribute, TypeExpression type, TypeRefModel typeRef)
    {
        var checks = new List<CheckModel>();
        if (typeRef.IsEnum)
        {
            // The C# enum already holds only the design's values; what is left to check is that it was set.
            checks.Add(new CheckModel("Enum", ""));
            return checks;
        }

        var kind = typeRef.Primitive;
        if (attribute.Enum is { Count: > 0 } values && kind is { } enumKind)
        {
            var literals = values.Select(v => DesignLiterals.TryRead(type, v.Node, out var value, out _) ? CSharpLiterals.Primitive(enumKind, value!) : null).OfType<string>();
            checks.Add(new CheckModel("Enum", $"[{string.Join(", ", literals)}]"));
        }

        if (kind == PrimitiveKind.String)
        {
            if (attribute.Format is { } format)
            {
                checks.Add(new CheckModel("Format", $"Runtime::StringFormat.{CSharpNaming.ToPascalCase(format)}"));
            }

            if (propertyNames.PatternMethod is { } method)
            {
                checks.Add(new CheckModel("Pattern", $"{method}(), {CSharpLiterals.String(attribute.Pattern!)}"));
            }
        }

        if (kind is PrimitiveKind.String or PrimitiveKind.Bytes)
        {
            AddBound("MinLength", attribute.MinLength);
            AddBound("MaxLength", attribute.MaxLength);
        }

        if (kind?.IsNumber() == true)
        {
            AddNumber("Minimum", attribute.Minimum);
            AddNumber("Maximum", attribute.Maximum);
            AddNumber("ExclusiveMinimum", attribute.ExclusiveMinimum);
            AddNumber("ExclusiveMaximum", attribute.ExclusiveMaximum);
        }

        if (typeRef.IsArray || typeRef.IsMap)
        {
            AddBound("MinItems", attribute.MinItems);
            AddBound("MaxItems", attribute.MaxItems);
        }

        if (typeRef.IsValidatable)
        {
            checks.Add(new CheckModel("Nested", ""));
        }
        else if (typeRef.HasValidatableItems)
        {
            checks.Add(new CheckModel(typeRef.IsMap ? "Values" : "Items", ""));
        }

        return checks;

        void AddBound(string method, int? bound)
        {
            if (bound is { } value)
            {
                checks.Add(new CheckModel(method, value.ToString(CultureInfo.InvariantCulture)));
            }
        }

        void AddNumber(string method, double? bound)
        {
            if (bound is { } value && kind is { } numberKind)
            {
                checks.Add(new CheckModel(method, CSharpLiterals.Number(numberKind, value)));
            }
        }
    }

    /// <summary>
    /// A member of a design enum as a default (<c>Level.Info</c>); qualified with the namespace in the rare record that has
    /// a member of the enum's name and another type, which would hide the enum in its initializers.
    /// </summary>
    private string EnumLiteral(EnumModel enumModel, string value, DesignObject owner)
    {
        var member = enumModel.Members.First(m => m.WireNameLiteral == CSharpLiterals.String(value)).Name;
        var recordNames = names.Record(owner);
        var hidden = owner.Attributes.Entries().Any(a => recordNames.Properties[a.Key].Property == enumModel.Name && names.EnumOf(a.Value)?.Name != enumModel.Name);
        return hidden ? $"global::{context.Namespace}.{enumModel.Name}.{member}" : $"{enumModel.Name}.{member}";
    }

    /// <summary>A C# expression for a default value read by <see cref="DesignLiterals"/>; framework types qualified, as a record's members may take their names.</summary>
    private string Literal(TypeExpression type, object? value) => type switch
    {
        PrimitiveTypeExpression { Kind: PrimitiveKind.Any } =>
            $"global::System.Text.Json.JsonDocument.Parse({CSharpLiterals.String(SyntaxJson.ToJson((SyntaxNode)value!))}).RootElement.Clone()",
        PrimitiveTypeExpression primitive => CSharpLiterals.Primitive(primitive.Kind, value!),
        ArrayTypeExpression array => $"[{string.Join(", ", ((List<object?>)value!).Select(item => Literal(array.Element, item)))}]",
        MapTypeExpression map =>
            $"new Dictionary<{types.Of(map.Key).TypeName}, {types.Of(map.Value).TypeName}> {{ {string.Join(", ", ((List<KeyValuePair<object?, object?>>)value!).Select(e => $"[{Literal(map.Key, e.Key)}] = {Literal(map.Value, e.Value)}"))} }}",
        _ => throw new InvalidOperationException($"No literal for {type}."),
    };
}
