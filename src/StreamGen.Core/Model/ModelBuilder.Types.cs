using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;
using StreamGen.Naming;

namespace StreamGen.Model;

/// <summary>Records: their names, properties, C# types, defaults, checks and views.</summary>
public sealed partial class ModelBuilder
{
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "Validate", "EqualityContract", "Equals", "GetHashCode", "ToString", "Deconstruct", "GetType", "MemberwiseClone", "Finalize",
    };

    private readonly List<DesignObject> _objects = [];
    private readonly Dictionary<DesignObject, string> _recordNames = [];
    private readonly Dictionary<DesignObject, TypeModel> _records = [];
    private readonly List<TypeModel> _bodyTypes = [];

    private void AllocateTypeNames()
    {
        foreach (var named in _index.NamedObjects)
        {
            var name = CSharpNaming.ToPascalCase(named.TypeName!);
            if (!_typeNames.TryReserve(name))
            {
                ReportCollision("Type", named.TypeName!, name, named.Owner.NameSpan);
            }

            AddObject(named, name);
        }

        foreach (var named in _index.NamedObjects.Where(n => n.ResultType is not null))
        {
            _typeNames.Allocate(_recordNames[named] + "View");
        }

        foreach (var (serviceName, service) in _document.Services ?? [])
        {
            var servicePascal = CSharpNaming.ToPascalCase(serviceName);
            foreach (var (methodName, method) in service.Methods ?? [])
            {
                var methodPascal = CSharpNaming.ToPascalCase(methodName);
                foreach (var (role, reference) in method.TypeReferences())
                {
                    if (_index.ObjectOf(_index.TypeOf(reference, role.Key())) is { TypeName: null } inline)
                    {
                        var suffix = role switch
                        {
                            TypeRole.Payload => "Payload",
                            TypeRole.StreamingPayload => "StreamingPayload",
                            _ => "Result",
                        };
                        AddObject(inline, _typeNames.Allocate(methodPascal + suffix, servicePascal + methodPascal + suffix));
                    }
                }
            }
        }
    }

    /// <summary>Registers an object and, depth first, the inline objects of its attributes (<c>{Owner}{Attribute}</c>).</summary>
    private void AddObject(DesignObject type, string name)
    {
        if (!_recordNames.TryAdd(type, name))
        {
            return;
        }

        _objects.Add(type);
        foreach (var (attributeName, attribute) in type.Attributes)
        {
            if (_index.ObjectOf(_index.TypeOf(attribute, attributeName)) is { TypeName: null } inline)
            {
                AddObject(inline, _typeNames.Allocate(name + CSharpNaming.ToPascalCase(attributeName)));
            }
        }

        foreach (var (attributeName, attribute) in type.Attributes)
        {
            foreach (var nested in InlineElements(_index.TypeOf(attribute, attributeName)))
            {
                AddObject(nested, _typeNames.Allocate(name + CSharpNaming.ToPascalCase(attributeName) + "Item"));
            }
        }
    }

    /// <summary>Inline objects used as elements of ArrayOf/MapOf (only reachable through a nested <c>attributes:</c>, so rare).</summary>
    private IEnumerable<DesignObject> InlineElements(TypeExpression? type) => type switch
    {
        ArrayTypeExpression array => InlineElements(array.Element).Concat(_index.ObjectOf(array.Element) is { TypeName: null } o ? [o] : []),
        MapTypeExpression map => InlineElements(map.Value).Concat(_index.ObjectOf(map.Value) is { TypeName: null } o ? [o] : []),
        _ => [],
    };

    private List<TypeModel> BuildTypes() => _objects.Select(RecordOf).ToList();

    private TypeModel RecordOf(DesignObject type)
    {
        if (_records.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var name = _recordNames[type];
        var views = ViewsOf(type);
        var patterns = new List<PatternModel>();
        var memberNames = new NameRegistry();
        memberNames.TryReserve(name);
        foreach (var reserved in ReservedMemberNames)
        {
            memberNames.TryReserve(reserved);
        }

        var properties = new List<PropertyModel>();
        foreach (var (attributeName, attribute) in type.Attributes)
        {
            var pascal = CSharpNaming.ToPascalCase(attributeName);
            var propertyName = memberNames.Allocate(pascal, pascal + "Value");
            var inAllViews = views.All(v => v.Contains(attributeName));
            var hasDefault = attribute.Default is not null && inAllViews;
            properties.Add(BuildProperty(name, propertyName, attributeName, attribute, type.IsRequired(attributeName) && inAllViews, hasDefault, patterns));
        }

        var model = new TypeModel
        {
            Name = name,
            FullName = $"global::{_namespace}.{name}",
            DesignName = type.TypeName ?? name,
            Description = DocLines(DescriptionOf(type)),
            Properties = properties,
            Views = type.ResultType is null ? [] : BuildViews(type, views, properties),
            ViewEnumName = type.ResultType is null ? null : name + "View",
            Patterns = patterns,
        };
        _records[type] = model;
        return model;
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

    private List<ViewModel> BuildViews(DesignObject type, List<List<string>> views, List<PropertyModel> properties)
    {
        var names = type.ResultType!.Views is { Count: > 0 } declared ? declared.Keys.ToList() : ["default"];
        var result = new List<ViewModel>();
        for (var i = 0; i < names.Count; i++)
        {
            var included = views[i];
            var byJson = properties.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
            result.Add(new ViewModel
            {
                Name = CSharpNaming.ToPascalCase(names[i]),
                DesignName = names[i],
                NameLiteral = CSharpLiterals.String(names[i]),
                Included = included,
                Excluded = properties.Where(p => !included.Contains(p.JsonName)).Select(p => p.Name).ToList(),
                RequiredNullable = included.Where(a => type.IsRequired(a) && byJson[a].IsNullable).Select(a => byJson[a]).ToList(),
            });
        }

        return result;
    }

    private PropertyModel BuildProperty(
        string recordName, string propertyName, string attributeName, DesignAttribute attribute, bool isRequired, bool hasDefault, List<PatternModel> patterns)
    {
        var type = _index.TypeOf(attribute, attributeName)!;
        var typeRef = TypeRefOf(type);
        var isNullable = !isRequired && !hasDefault;
        string? defaultLiteral = null;
        if (hasDefault && DesignLiterals.TryRead(type, attribute.Default!.Node, out var value, out _))
        {
            defaultLiteral = LiteralOf(type, value);
        }

        return new PropertyModel
        {
            Name = propertyName,
            JsonName = attributeName,
            JsonNameLiteral = CSharpLiterals.String(attributeName),
            Description = DocLines(attribute.Description),
            TypeName = isNullable ? typeRef.NullableTypeName : typeRef.TypeName,
            Type = typeRef,
            IsRequired = isRequired && !hasDefault,
            IsNullable = isNullable,
            DefaultLiteral = defaultLiteral,
            NeedsPresenceCheck = !isNullable && !typeRef.IsValueType,
            LocalName = CSharpNaming.ToParameterName(attributeName).TrimStart('@') + "Value",
            Checks = ChecksOf(recordName, propertyName, attribute, type, typeRef, patterns),
        };
    }

    private List<CheckModel> ChecksOf(string recordName, string propertyName, DesignAttribute attribute, TypeExpression type, TypeRefModel typeRef, List<PatternModel> patterns)
    {
        var checks = new List<CheckModel>();
        var kind = (type as PrimitiveTypeExpression)?.Kind;
        if (attribute.Enum is { Count: > 0 } values && kind is { } enumKind)
        {
            var literals = values.Select(v => DesignLiterals.TryRead(type, v.Node, out var value, out _) ? CSharpLiterals.Primitive(enumKind, value!) : null).OfType<string>();
            checks.Add(new CheckModel("Enum", $"[{string.Join(", ", literals)}]"));
        }

        if (kind == PrimitiveKind.String)
        {
            if (attribute.Format is { } format)
            {
                checks.Add(new CheckModel("Format", $"global::{_runtime}.StringFormat.{CSharpNaming.ToPascalCase(format)}"));
            }

            if (attribute.Pattern is { } pattern)
            {
                var method = $"{propertyName}Pattern";
                patterns.Add(new PatternModel(method, CSharpLiterals.String(pattern)));
                checks.Add(new CheckModel("Pattern", $"{method}(), {CSharpLiterals.String(pattern)}"));
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

        _ = recordName;
        return checks;

        void AddBound(string method, int? bound)
        {
            if (bound is { } value)
            {
                checks.Add(new CheckModel(method, value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        void AddNumber(string method, double? bound)
        {
            if (bound is { } value)
            {
                checks.Add(new CheckModel(method, CSharpLiterals.Number(kind!.Value, value)));
            }
        }
    }

    /// <summary>The C# type of a type expression (non-nullable form; callers add '?').</summary>
    private TypeRefModel TypeRefOf(TypeExpression type)
    {
        switch (type)
        {
            case PrimitiveTypeExpression primitive:
                var (typeName, isValueType, jsonName) = PrimitiveOf(primitive.Kind);
                return new TypeRefModel
                {
                    TypeName = typeName, ShortTypeName = typeName.Replace("global::System.Text.Json.", "", StringComparison.Ordinal), IsValueType = isValueType, IsValidatable = false, HasValidatableItems = false, IsArray = false, IsMap = false,
                    DesignType = primitive.ToString(), JsonInfoName = jsonName,
                };
            case ArrayTypeExpression array:
                var element = TypeRefOf(array.Element);
                return new TypeRefModel
                {
                    TypeName = $"global::System.Collections.Generic.IReadOnlyList<{element.TypeName}>", ShortTypeName = $"IReadOnlyList<{element.ShortTypeName}>", IsValueType = false, IsValidatable = false,
                    HasValidatableItems = element.IsValidatable, IsArray = true, IsMap = false, DesignType = array.ToString(),
                    JsonInfoName = "ArrayOf" + element.JsonInfoName, Element = element,
                };
            case MapTypeExpression map:
                var key = TypeRefOf(map.Key);
                var value = TypeRefOf(map.Value);
                return new TypeRefModel
                {
                    TypeName = $"global::System.Collections.Generic.IReadOnlyDictionary<{key.TypeName}, {value.TypeName}>", ShortTypeName = $"IReadOnlyDictionary<{key.ShortTypeName}, {value.ShortTypeName}>", IsValueType = false,
                    IsValidatable = false, HasValidatableItems = value.IsValidatable, IsArray = false, IsMap = true, DesignType = map.ToString(),
                    JsonInfoName = "MapOf" + key.JsonInfoName + value.JsonInfoName, Element = value, Key = key,
                };
            default:
                var record = _recordNames[_index.ObjectOf(type)!];
                return new TypeRefModel
                {
                    TypeName = $"global::{_namespace}.{record}", ShortTypeName = record, IsValueType = false, IsValidatable = true, HasValidatableItems = false,
                    IsArray = false, IsMap = false, DesignType = type is NamedTypeExpression named ? named.Name : record, JsonInfoName = record,
                };
        }
    }

    private static (string TypeName, bool IsValueType, string JsonInfoName) PrimitiveOf(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Boolean => ("bool", true, "Boolean"),
        PrimitiveKind.Int or PrimitiveKind.Int32 => ("int", true, "Int32"),
        PrimitiveKind.Int64 => ("long", true, "Int64"),
        PrimitiveKind.UInt or PrimitiveKind.UInt32 => ("uint", true, "UInt32"),
        PrimitiveKind.UInt64 => ("ulong", true, "UInt64"),
        PrimitiveKind.Float32 => ("float", true, "Single"),
        PrimitiveKind.Float64 => ("double", true, "Double"),
        PrimitiveKind.String => ("string", false, "String"),
        PrimitiveKind.Bytes => ("byte[]", false, "ByteArray"),
        _ => ("global::System.Text.Json.JsonElement", true, "JsonElement"),
    };

    /// <summary>A C# expression for a default value read by <see cref="DesignLiterals"/>.</summary>
    private string LiteralOf(TypeExpression type, object? value) => type switch
    {
        PrimitiveTypeExpression { Kind: PrimitiveKind.Any } => $"global::System.Text.Json.JsonDocument.Parse({CSharpLiterals.String(Design.Syntax.SyntaxJson.ToJson((Design.Syntax.SyntaxNode)value!))}).RootElement.Clone()",
        PrimitiveTypeExpression primitive => CSharpLiterals.Primitive(primitive.Kind, value!),
        ArrayTypeExpression array => $"[{string.Join(", ", ((List<object?>)value!).Select(item => LiteralOf(array.Element, item)))}]",
        MapTypeExpression map => $"new global::System.Collections.Generic.Dictionary<{TypeRefOf(map.Key).TypeName}, {TypeRefOf(map.Value).TypeName}> {{ {string.Join(", ", ((List<KeyValuePair<object?, object?>>)value!).Select(e => $"[{LiteralOf(map.Key, e.Key)}] = {LiteralOf(map.Value, e.Value)}"))} }}",
        _ => throw new InvalidOperationException($"No literal for {type}."),
    };
}
