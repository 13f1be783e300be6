using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>
/// Pass 1: decides every name before anything is built, in one fixed order (generated infrastructure, design types,
/// view enums, method types, per method its stream interfaces and body records, then protobuf messages), so no later
/// pass depends on which part happened to be built first.
/// </summary>
internal sealed class NamePass
{
    private static readonly string[] RecordMembers =
        ["Validate", "EqualityContract", "Equals", "GetHashCode", "ToString", "Deconstruct", "GetType", "MemberwiseClone", "Finalize"];

    private static readonly NameOwner Generated = new("a generated type");

    private readonly ModelContext _context;
    private readonly DiagnosticBag _diagnostics;
    private readonly NameRegistry _registry = new();
    private readonly NameScope _types;
    private readonly List<DesignObject> _objects = [];
    private readonly Dictionary<DesignObject, string> _recordNames = [];

    private NamePass(ModelContext context, DiagnosticBag diagnostics)
    {
        _context = context;
        _diagnostics = diagnostics;
        _types = _registry.Add($"types of namespace {context.Namespace}", IdentifierSyntax.CSharp);
    }

    public static ModelNames Run(ModelContext context, DiagnosticBag diagnostics) => new NamePass(context, diagnostics).Run();

    private ModelNames Run()
    {
        ReserveInfrastructure();
        NameDesignTypes();
        var viewEnums = NameViewEnums();
        NameMethodTypes();
        var methods = NameMethods();
        var records = _objects.ToDictionary(o => o, o => NameMembers(o, viewEnums.GetValueOrDefault(o)));
        var (messages, shared) = NameMessages();
        return new ModelNames
        {
            Registry = _registry,
            Objects = _objects,
            Records = records,
            Services = _context.Services.ToDictionary(s => s, ServiceNamesOf),
            Methods = methods.ToDictionary(m => m.Key, m => m.Value with
            {
                RequestMessage = messages.GetValueOrDefault((m.Key, TypeRole.Payload)),
                ResponseMessage = messages.GetValueOrDefault((m.Key, TypeRole.Result)),
            }),
            SharedMessages = shared,
        };
    }

    private void ReserveInfrastructure()
    {
        var stem = _context.Stem;
        _types.Reserve([$"{stem}JsonContext", $"{stem}JsonReader", $"{stem}ProtoMapper", $"{stem}Server", "Program"], Generated);
        foreach (var service in _context.Services)
        {
            var names = ServiceNamesOf(service);
            _types.Reserve(
                [names.Interface, names.ClientInterface, names.Implementation, names.Errors, names.HttpEndpoints, names.HttpClient, names.GrpcService, names.GrpcClient],
                Generated);
        }
    }

    private void NameDesignTypes()
    {
        foreach (var named in _context.Index.NamedObjects)
        {
            var name = CSharpNaming.ToPascalCase(named.TypeName!);
            if (!_types.TryClaim(name, Owner(named), out _))
            {
                _diagnostics.Report(DiagnosticDescriptors.NameCollision, named.Owner.NameSpan, "Type", named.TypeName, "a generated type", name);
            }

            AddObject(named, name);
        }
    }

    private Dictionary<DesignObject, string> NameViewEnums() =>
        _context.Index.NamedObjects.Where(n => n.ResultType is not null)
            .ToDictionary(n => n, n => _types.Allocate(Owner(n), _recordNames[n] + "View"));

    private void NameMethodTypes()
    {
        foreach (var service in _context.Services)
        {
            var servicePascal = CSharpNaming.ToPascalCase(service.Name);
            foreach (var method in service.Methods.ValuesOrEmpty())
            {
                var methodPascal = CSharpNaming.ToPascalCase(method.Name);
                foreach (var (role, reference) in method.TypeReferences())
                {
                    if (_context.ObjectOf(reference, role) is { TypeName: null } inline)
                    {
                        var suffix = role switch
                        {
                            TypeRole.Payload => "Payload",
                            TypeRole.StreamingPayload => "StreamingPayload",
                            _ => "Result",
                        };
                        AddObject(inline, _types.Allocate(Owner(inline), methodPascal + suffix, servicePascal + methodPascal + suffix));
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
            if (_context.Index.ObjectOf(_context.TypeOf(attribute, attributeName)) is { TypeName: null } inline)
            {
                AddObject(inline, _types.Allocate(Owner(inline), name + CSharpNaming.ToPascalCase(attributeName)));
            }
        }

        foreach (var (attributeName, attribute) in type.Attributes)
        {
            foreach (var nested in InlineElements(_context.TypeOf(attribute, attributeName)))
            {
                AddObject(nested, _types.Allocate(Owner(nested), name + CSharpNaming.ToPascalCase(attributeName) + "Item"));
            }
        }
    }

    /// <summary>Inline objects used as elements of ArrayOf/MapOf (only reachable through a nested <c>attributes:</c>, so rare).</summary>
    private IEnumerable<DesignObject> InlineElements(TypeExpression? type) => type switch
    {
        ArrayTypeExpression array => InlineElements(array.Element).Concat(_context.Index.ObjectOf(array.Element) is { TypeName: null } o ? [o] : []),
        MapTypeExpression map => InlineElements(map.Value).Concat(_context.Index.ObjectOf(map.Value) is { TypeName: null } o ? [o] : []),
        _ => [],
    };

    private Dictionary<DesignMethod, MethodNames> NameMethods()
    {
        var result = new Dictionary<DesignMethod, MethodNames>();
        foreach (var service in _context.Services)
        {
            var servicePascal = CSharpNaming.ToPascalCase(service.Name);
            foreach (var method in service.Methods.ValuesOrEmpty())
            {
                var name = CSharpNaming.ToPascalCase(method.Name);
                var owner = new NameOwner($"method '{method.Name}'", method.NameSpan);
                var isStreaming = method.StreamingPayload is not null || method.StreamingResult is not null;
                var serverStream = isStreaming ? _types.Allocate(owner, $"I{name}ServerStream", $"I{servicePascal}{name}ServerStream") : null;
                var clientStream = isStreaming ? _types.Allocate(owner, $"I{name}ClientStream", $"I{servicePascal}{name}ClientStream") : null;
                var (requestBody, responseBody) = method.Http is { } http ? NameBodies(service, method, http, name, owner) : (null, null);
                result[method] = new MethodNames(name, name + "Async", serverStream, clientStream, requestBody, responseBody, null, null);
            }
        }

        return result;
    }

    /// <summary>The records of partial request and response bodies: <c>{Method}RequestBody</c>, else <c>{Record}RequestBody</c>.</summary>
    private (string? Request, string? Response) NameBodies(DesignService service, DesignMethod method, DesignMethodHttp http, string methodName, NameOwner owner)
    {
        var (verb, route) = HttpMapping.Route(service, http);
        string? request = null;
        if (HttpMapping.HasRequestBody(verb, method, http) && _context.ObjectOf(method.Payload, TypeRole.Payload) is { } payload
            && HttpMapping.Shape([.. payload.Attributes.Keys], http.Body, HttpMapping.PayloadOutsideBody(route, http)).Kind == BodyKind.Partial)
        {
            request = _types.Allocate(owner, methodName + "RequestBody", _recordNames[payload] + "RequestBody");
        }

        string? response = null;
        if (HttpMapping.HasResponseBody(method, http) && _context.ObjectOf(method.Result, TypeRole.Result) is { } result
            && HttpMapping.Shape([.. result.Attributes.Keys], null, http.Response?.Headers.KeysOrEmpty() ?? []).Kind == BodyKind.Partial)
        {
            response = _types.Allocate(owner, methodName + "ResponseBody", _recordNames[result] + "ResponseBody");
        }

        return (request, response);
    }

    private RecordNames NameMembers(DesignObject type, string? viewEnum)
    {
        var name = _recordNames[type];
        var members = _registry.Add($"members of record {name}", IdentifierSyntax.CSharp);
        members.Reserve([name], new NameOwner("the record's own name"));
        members.Reserve(RecordMembers, new NameOwner("a member every generated record has"));
        var properties = new Dictionary<string, PropertyNames>(StringComparer.Ordinal);
        foreach (var (attributeName, attribute) in type.Attributes)
        {
            var pascal = CSharpNaming.ToPascalCase(attributeName);
            var property = members.Allocate(new NameOwner($"attribute '{attributeName}'", attribute.NameSpan), pascal, pascal + "Value");
            var local = CSharpNaming.ToParameterName(attributeName).TrimStart('@') + "Value";
            var hasPattern = attribute.Pattern is not null && _context.TypeOf(attribute, attributeName) is PrimitiveTypeExpression { Kind: PrimitiveKind.String };
            properties[attributeName] = new PropertyNames(property, local, hasPattern ? property + "Pattern" : null);
        }

        var views = type.ResultType is null
            ? new Dictionary<string, string>()
            : (type.ResultType.Views is { Count: > 0 } declared ? declared.Keys.ToList() : ["default"]).ToDictionary(v => v, CSharpNaming.ToPascalCase);
        return new RecordNames(name, viewEnum, name, properties, views);
    }

    private ServiceNames ServiceNamesOf(DesignService service)
    {
        var name = CSharpNaming.ToPascalCase(service.Name);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in service.Errors.KeysOrEmpty().Concat(service.Methods.ValuesOrEmpty().SelectMany(m => m.Errors.KeysOrEmpty())))
        {
            errors.TryAdd(error, CSharpNaming.ToPascalCase(error));
        }

        return new ServiceNames(
            name, $"I{name}Service", $"I{name}Client", $"{name}Service", $"{name}Errors", $"{name}HttpEndpoints", $"Map{name}",
            $"{name}HttpClient", $"{name}GrpcService", $"{name}GrpcClient", errors);
    }

    /// <summary>
    /// Protobuf messages: a request and a response per gRPC method (<c>{Method}Request</c>, else prefixed with the
    /// service), then one per record that a gRPC message uses as a field, element or map value.
    /// </summary>
    private (Dictionary<(DesignMethod, TypeRole), string> Methods, Dictionary<DesignObject, string> Shared) NameMessages()
    {
        var scope = _registry.Add($"messages of package {_context.ProtoPackage}", IdentifierSyntax.Proto);
        var methods = new Dictionary<(DesignMethod, TypeRole), string>();
        var shared = new HashSet<DesignObject>();
        foreach (var service in _context.Services)
        {
            var servicePascal = CSharpNaming.ToPascalCase(service.Name);
            foreach (var method in service.Methods.ValuesOrEmpty().Where(m => m.IsServedOverGrpc(service)))
            {
                var name = CSharpNaming.ToPascalCase(method.Name);
                var owner = new NameOwner($"method '{method.Name}'", method.NameSpan);
                methods[(method, TypeRole.Payload)] = scope.Allocate(owner, name + "Request", servicePascal + name + "Request");
                methods[(method, TypeRole.Result)] = scope.Allocate(owner, name + "Response", servicePascal + name + "Response");
                foreach (var role in new[] { method.StreamingPayload is null ? TypeRole.Payload : TypeRole.StreamingPayload, method.StreamingResult is null ? TypeRole.Result : TypeRole.StreamingResult })
                {
                    if (method.TypeReference(role) is { } reference)
                    {
                        var type = _context.TypeOf(reference, role);
                        foreach (var field in _context.Index.ObjectOf(type) is { } record ? record.Attributes.Select(a => _context.TypeOf(a.Value, a.Key)) : [type])
                        {
                            CollectShared(field, shared);
                        }
                    }
                }
            }
        }

        var names = _objects.Where(shared.Contains).ToDictionary(o => o, o => scope.Allocate(Owner(o), _recordNames[o]));
        return (methods, names);
    }

    /// <summary>Records a field type reaches: itself, the element of a list, the value of a map, and theirs in turn.</summary>
    private void CollectShared(TypeExpression type, HashSet<DesignObject> shared)
    {
        switch (type)
        {
            case ArrayTypeExpression array:
                CollectShared(array.Element, shared);
                break;
            case MapTypeExpression map:
                CollectShared(map.Value, shared);
                break;
            default:
                if (_context.Index.ObjectOf(type) is { } record && shared.Add(record))
                {
                    foreach (var (name, attribute) in record.Attributes)
                    {
                        CollectShared(_context.TypeOf(attribute, name), shared);
                    }
                }

                break;
        }
    }

    private static NameOwner Owner(DesignObject type) => new(type.TypeName is null ? type.Description : $"type '{type.TypeName}'", type.Owner.NameSpan);
}
