using System.Globalization;
using StreamGen.Design;
using StreamGen.Design.Syntax;
using StreamGen.Design.Types;
using StreamGen.Model.TypeScript;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>
/// The TypeScript client module, over the finished services: an interface and a rules const per object type (the rules
/// are the design's, which the runtime checks as the server does), unions for enums and views, an error class per
/// design error, and a client class per service with HTTP methods, whose requests follow the HTTP endpoints decided for C#.
/// </summary>
internal sealed class TypeScriptPass(ModelContext context, ModelNames names, TypeScriptNames ts)
{
    public TypeScriptModuleModel Run(IReadOnlyList<ServiceModel> services)
    {
        var designServices = context.Services.ToList();
        var types = names.Objects.Select(Type).ToList();
        var errors = designServices.SelectMany(Errors).ToList();
        var clients = designServices.Select((s, i) => services[i].HasHttp ? Client(s, services[i]) : null)
            .OfType<TypeScriptClientModel>()
            .ToList();
        var methods = clients.SelectMany(c => c.Methods).ToList();
        return new TypeScriptModuleModel
        {
            FileName = ts.FileName,
            RuntimeFileName = TypeScriptNamer.RuntimeFile,
            RuntimeSpecifierLiteral = TypeScriptStrings.Quote("./" + Path.ChangeExtension(TypeScriptNamer.RuntimeFile, ".js")),
            Description = TypeScriptDocs.Lines(context.Api.Description),
            ValueImports = Used(
                ("ServiceError", errors.Count > 0),
                ("Transport", clients.Count > 0),
                ("copyMessage", methods.Any(m => m.IsIntercepted && m.HasPayload)),
                ("intercept", methods.Any(m => m.IsIntercepted)),
                ("openLines", methods.Any(m => m.IsJsonLines)),
                ("openUpload", methods.Any(m => m.IsJsonLinesUpload)),
                ("interceptStream", methods.Any(m => m.Interception?.WrapsStream == true)),
                ("pair", methods.Any(m => m.PairsBasicCredentials)),
                ("params", methods.Any(m => m.HasQuery || m.HasHeaders)),
                ("validate", methods.Any(m => m.HasPayload))),
            TypeImports = Used(
                ("BidirectionalStream", methods.Any(m => m.ReturnType.StartsWith("Promise<BidirectionalStream<", StringComparison.Ordinal))),
                ("CallOptions", clients.Count > 0),
                ("ClientOptions", clients.Count > 0),
                ("ClientResultStream", methods.Any(m => m.ReturnType.StartsWith("Promise<ClientResultStream<", StringComparison.Ordinal))),
                ("ClientStream", methods.Any(m => m.ReturnType.StartsWith("Promise<ClientStream<", StringComparison.Ordinal))),
                ("ErrorClasses", clients.Count > 0),
                ("EventStream", methods.Any(m => m.IsServerSentEvents)),
                ("InterceptorInfo", clients.Any(c => c.HasInterceptors)),
                ("InterceptorNext", clients.Any(c => c.HasInterceptors)),
                ("ObjectType", types.Count > 0),
                ("ServerStream", methods.Any(m => m.ReturnType.StartsWith("Promise<ServerStream<", StringComparison.Ordinal)))),
            Types = types,
            Errors = errors,
            Clients = clients,
        };
    }

    private static List<string> Used(params (string Name, bool IsUsed)[] imports)
    {
        var used = new List<string>();
        foreach (var (name, isUsed) in imports)
        {
            if (isUsed)
            {
                used.Add(name);
            }
        }

        return used;
    }

    private TypeScriptTypeModel Type(DesignObject type)
    {
        var name = ts.Types[type];
        var views = type.ResultType is null ? [] : ViewsOf(type);
        var properties = type.Attributes.Entries().Select(a => Property(type, a.Key, a.Value, Optional(type, a.Key, a.Value, views))).ToList();
        return new TypeScriptTypeModel
        {
            Name = name,
            DesignNameLiteral = TypeScriptStrings.Quote(type.TypeName ?? name),
            Description = TypeScriptDocs.Lines(DescriptionOf(type)),
            Properties = properties,
            Enums = type.Attributes.Entries().Where(a => ts.Enums.ContainsKey(new TypeMemberKey(type, a.Key)))
                .Select(a => new TypeScriptEnumModel(ts.Enums[new TypeMemberKey(type, a.Key)], TypeScriptDocs.Lines(a.Value.Description), string.Join(", ", Literals(type, a.Key, a.Value.Enum!))))
                .ToList(),
            Views = views.Select(v => new TypeScriptViewModel
            {
                Key = TypeScriptNaming.PropertyKey(v.Name),
                InterfaceName = ts.Views[new TypeMemberKey(type, v.Name)],
                Description = [$"{name} rendered in view \"{v.Name}\": {string.Join(", ", v.Attributes)}."],
                // In a view, what the design requires is there, and so is a default every view renders (a reader fills it in).
                Properties = type.Attributes.Entries().Where(a => v.Attributes.Contains(a.Key))
                    .Select(a => Property(type, a.Key, a.Value, !type.IsRequired(a.Key) && (a.Value.Default is null || views.Any(w => !w.Attributes.Contains(a.Key)))))
                    .ToList(),
                AttributesLiteral = $"[{string.Join(", ", v.Attributes.Select(TypeScriptStrings.Quote))}]",
            }).ToList(),
            ViewNameType = ts.ViewNameTypes.GetValueOrDefault(type),
            ViewNamesLiteral = string.Join(" | ", views.Select(v => TypeScriptStrings.Quote(v.Name))),
        };
    }

    /// <summary>The views of a result type: as declared, or one default view with every attribute.</summary>
    private static List<ResultView> ViewsOf(DesignObject type) =>
        type.ResultType!.Views is { Count: > 0 } declared
            ? declared.Entries().Select(v => new ResultView(v.Key, v.Value)).ToList()
            : [new ResultView("default", type.Attributes.Keys.ToList())];

    /// <summary>Optional in the interface: a value may leave it out (not required in every view, or defaulted).</summary>
    private static bool Optional(DesignObject type, string attribute, DesignAttribute design, List<ResultView> views) =>
        !type.IsRequired(attribute) || design.Default is not null || views.Any(v => !v.Attributes.Contains(attribute));

    private TypeScriptPropertyModel Property(DesignObject type, string attribute, DesignAttribute design, bool optional)
    {
        var expression = context.TypeOf(design, attribute);
        var docs = TypeScriptDocs.Lines(design.Description).ToList();
        var defaultLiteral = design.Default is { } value && DesignLiterals.TryRead(expression, value.Node, out var read, out _) ? Literal(expression, read) : null;
        if (defaultLiteral is not null)
        {
            docs.Add($"@default {TypeScriptDocs.Escape(defaultLiteral)}");
        }

        if (design.Format is { } format)
        {
            docs.Add($"Format: {format}.");
        }

        return new TypeScriptPropertyModel
        {
            Key = TypeScriptNaming.PropertyKey(attribute),
            TypeName = ts.Enums.TryGetValue(new TypeMemberKey(type, attribute), out var union) ? union : TypeName(expression),
            IsOptional = optional,
            Docs = docs,
            RuleLiteral = Rule(type, attribute, design, expression, defaultLiteral),
        };
    }

    /// <summary>The attribute's rule as the runtime reads it: its type, then every check the design asks for.</summary>
    private string Rule(DesignObject type, string attribute, DesignAttribute design, TypeExpression expression, string? defaultLiteral)
    {
        var parts = new List<string> { $"type: {RuleOf(expression, lazy: true)}" };
        if (type.IsRequired(attribute))
        {
            parts.Add("required: true");
        }

        if (defaultLiteral is not null)
        {
            parts.Add($"default: {defaultLiteral}");
        }

        if (ts.Enums.TryGetValue(new TypeMemberKey(type, attribute), out var union))
        {
            parts.Add($"enum: {union}");
        }

        var kind = (expression as PrimitiveTypeExpression)?.Kind;
        if (kind == PrimitiveKind.String)
        {
            Add("format", design.Format is null ? null : TypeScriptStrings.Quote(design.Format));
            Add("pattern", design.Pattern is null ? null : TypeScriptStrings.Quote(design.Pattern));
        }

        if (kind is PrimitiveKind.String or PrimitiveKind.Bytes)
        {
            Add("minLength", Number(design.MinLength));
            Add("maxLength", Number(design.MaxLength));
        }

        if (kind?.IsNumber() == true)
        {
            Add("minimum", Number(design.Minimum));
            Add("maximum", Number(design.Maximum));
            Add("exclusiveMinimum", Number(design.ExclusiveMinimum));
            Add("exclusiveMaximum", Number(design.ExclusiveMaximum));
        }

        if (expression is ArrayTypeExpression or MapTypeExpression)
        {
            Add("minItems", Number(design.MinItems));
            Add("maxItems", Number(design.MaxItems));
        }

        return $"{{ {string.Join(", ", parts)} }}";

        void Add(string key, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{key}: {value}");
            }
        }
    }

    /// <summary>The TypeScript type of a design type: Int64 is a number (exact to 2^53, as JSON readers in JavaScript are), Bytes base64.</summary>
    private string TypeName(TypeExpression expression) => expression switch
    {
        PrimitiveTypeExpression { Kind: PrimitiveKind.Boolean } => "boolean",
        PrimitiveTypeExpression { Kind: PrimitiveKind.String or PrimitiveKind.Bytes } => "string",
        PrimitiveTypeExpression { Kind: PrimitiveKind.Any } => "unknown",
        PrimitiveTypeExpression => "number",
        ArrayTypeExpression array => TypeName(array.Element) + "[]",
        MapTypeExpression map => $"Record<string, {TypeName(map.Value)}>",
        _ => ts.Types[context.Index.ObjectOf(expression)!],
    };

    /// <summary>
    /// The runtime's rule for a type: a primitive's kind, <c>{ array: … }</c>, <c>{ map: …, key: … }</c>, or the object
    /// type's const (behind an arrow in other consts, which may refer to types declared after them).
    /// </summary>
    private string RuleOf(TypeExpression expression, bool lazy) => expression switch
    {
        PrimitiveTypeExpression primitive => TypeScriptStrings.Quote(Kind(primitive.Kind)),
        ArrayTypeExpression array => $"{{ array: {RuleOf(array.Element, lazy)} }}",
        MapTypeExpression map => $"{{ map: {RuleOf(map.Value, lazy)}, key: {RuleOf(map.Key, lazy)} }}",
        _ => (lazy ? "() => " : "") + ts.Types[context.Index.ObjectOf(expression)!],
    };

    private static string Kind(PrimitiveKind kind) => PrimitiveForm.Normalize(kind) switch
    {
        PrimitiveKind.Boolean => "boolean",
        PrimitiveKind.Int32 => "int32",
        PrimitiveKind.Int64 => "int64",
        PrimitiveKind.UInt32 => "uint32",
        PrimitiveKind.UInt64 => "uint64",
        PrimitiveKind.Float32 => "float32",
        PrimitiveKind.Float64 => "float64",
        PrimitiveKind.String => "string",
        PrimitiveKind.Bytes => "bytes",
        _ => "any",
    };

    private IEnumerable<string> Literals(DesignObject type, string attribute, List<DesignValue> values) =>
        values.Select(v => DesignLiterals.TryRead(context.TypeOf(type.Attributes[attribute], attribute), v.Node, out var value, out _) ? Literal(context.TypeOf(type.Attributes[attribute], attribute), value) : null)
            .OfType<string>();

    /// <summary>A JSON-compatible TypeScript literal of a design value.</summary>
    private static string Literal(TypeExpression type, object? value) => (type, value) switch
    {
        (PrimitiveTypeExpression { Kind: PrimitiveKind.Any }, SyntaxNode node) => SyntaxJson.ToJson(node),
        (_, bool flag) => flag ? "true" : "false",
        (_, string text) => TypeScriptStrings.Quote(text),
        (_, long or ulong) => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        (_, double number) => NumberLiteral(number),
        (ArrayTypeExpression array, List<object?> items) => $"[{string.Join(", ", items.Select(i => Literal(array.Element, i)))}]",
        (MapTypeExpression map, List<KeyValuePair<object?, object?>> entries) =>
            $"{{ {string.Join(", ", entries.Select(e => $"{TypeScriptStrings.Quote(Convert.ToString(e.Key, CultureInfo.InvariantCulture)!)}: {Literal(map.Value, e.Value)}"))} }}",
        _ => "undefined",
    };

    private static string? Number(double? value) => value is { } number ? NumberLiteral(number) : null;

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string NumberLiteral(double value) =>
        double.IsPositiveInfinity(value) ? "Infinity" : double.IsNegativeInfinity(value) ? "-Infinity" : double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string? DescriptionOf(DesignObject type) => type.Owner switch
    {
        DesignType named => named.Description,
        DesignTypeRef reference => reference.Description,
        DesignAttribute attribute => attribute.Description,
        _ => null,
    };

    /// <summary>The service's errors, then its methods' errors not declared on the service, each once.</summary>
    private List<TypeScriptErrorModel> Errors(DesignService service)
    {
        var errors = new List<TypeScriptErrorModel>();
        foreach (var (name, error) in service.DeclaredErrors())
        {
            errors.Add(new TypeScriptErrorModel(ts.Errors[new ServiceMemberKey(service, name)], TypeScriptNaming.PropertyKey(name), TypeScriptDocs.Lines(error.Description)));
        }

        return errors;
    }

    private TypeScriptClientModel Client(DesignService service, ServiceModel model)
    {
        var designMethods = service.Methods.ValuesOrEmpty().ToList();
        var methods = new List<TypeScriptMethodUse>();
        for (var i = 0; i < Math.Min(designMethods.Count, model.Methods.Count); i++)
        {
            var design = designMethods[i];
            var method = model.Methods[i];
            if (method.Http is not null)
            {
                methods.Add(new TypeScriptMethodUse(design, new TypeScriptMethodBuilder(this, design, method).Build() with { SecurityLiteral = Security(service, design) }));
            }
        }

        var client = new TypeScriptClientModel
        {
            ClassName = ts.Clients[service],
            Description = TypeScriptDocs.Lines(service.Description),
            Errors = Errors(service),
            Methods = [.. methods.Select(m => m.Model)],
        };
        return new TypeScriptInterceptors(context, service, model, client.ClassName).Apply(client, methods);
    }

    /// <summary>The TypeScript type, and the runtime rule as a method body reads it, of a method's type reference.</summary>
    public (string TypeName, string Rule) Use(DesignMethod method, TypeRole role) =>
        method.TypeReference(role) is { } reference ? (TypeName(context.TypeOf(reference, role)), RuleOf(context.TypeOf(reference, role), lazy: false)) : ("never", "undefined");

    public string MethodName(DesignMethod method) => ts.Methods[method];

    /// <summary>The rule of a result attribute (read from a response header) as the runtime parses it.</summary>
    public string AttributeRule(DesignMethod method, string attribute)
    {
        var result = context.ObjectOf(method.Result, TypeRole.Result)!;
        return RuleOf(context.TypeOf(result.Attributes[attribute], attribute), lazy: false);
    }

    /// <summary>The interface of a result type rendered in one view (<c>ChatEventCompactView</c>).</summary>
    public string ViewTypeName(DesignMethod method, TypeRole role, string view) =>
        ts.Views[new TypeMemberKey(context.ObjectOf(method.TypeReference(role), role)!, view)];

    /// <summary>The schemes the method's security names, each once, as the runtime's <c>SchemeRule</c> literals; null when it is open.</summary>
    private string? Security(DesignService service, DesignMethod method)
    {
        var declared = context.Api.Security ?? [];
        var names = method.SecurityOf(service, context.Api).SelectMany(r => r.Schemes ?? []).Distinct(StringComparer.Ordinal).Where(declared.ContainsKey).ToList();
        if (names.Count == 0)
        {
            return null;
        }

        string Rule(string name)
        {
            var scheme = declared[name];
            var fields = new List<string> { $"name: {TypeScriptStrings.Quote(name)}", $"kind: {TypeScriptStrings.Quote(scheme.Kind!)}" };
            if (scheme.Kind == "apiKey")
            {
                fields.Add(scheme.In == "query" ? $"query: {TypeScriptStrings.Quote(scheme.KeyName ?? "api_key")}" : $"header: {TypeScriptStrings.Quote(scheme.KeyName ?? "X-API-Key")}");
            }

            if (scheme.Query is { } query)
            {
                fields.Add($"webSocketQuery: {TypeScriptStrings.Quote(query)}");
            }

            if (scheme.WebSocketProtocol == true)
            {
                fields.Add("webSocketProtocol: true");
            }

            return "{ " + string.Join(", ", fields) + " }";
        }

        return "[" + string.Join(", ", names.Select(Rule)) + "]";
    }
}
