using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>
/// Pass 1: decides every name the generator emits, in the one <see cref="NameRegistry"/>, before anything is built. In
/// each scope the names fixed outside the design come first (C#'s, the framework's, the runtime's, protoc's, the
/// generator's own members), then the design's, then the ones derived from it, so a collision is always resolved the
/// same way: the design's C# (or protobuf) spelling gives way, its JSON and wire names never do. What cannot give way
/// (two design elements that need one public name) is reported with both (SG1008).
/// </summary>
internal sealed class NamePass
{
    private static readonly NameOwner Unqualified = new("a name the generated code, the runtime or the stubs use unqualified");
    private static readonly NameOwner ChildNamespace = new("a namespace the generator adds under the API's");
    private static readonly NameOwner NamespaceRoot = new("the root of namespaces the generated code and its users name (System, Grpc)");
    private static readonly NameOwner RecordMember = new("a member C# or the generator gives every record");
    private static readonly NameOwner ViewMember = new("a member the generator gives a result type with views");
    private static readonly NameOwner ObjectMember = new("a member every class has");
    private static readonly NameOwner Local = new("a parameter or local of the generated code");
    private static readonly NameOwner AsyncKeyword = new("a keyword inside the generated async methods");
    private static readonly NameOwner GeneratedFile = new("a folder or file the generator writes");
    private static readonly NameOwner JsonContract = new("a .NET type System.Text.Json names the contracts of lists and maps after (IReadOnlyListDouble)");
    private static readonly NameOwner EnumContract = new("an enum's contract in the JSON context");

    private readonly ModelContext _context;
    private readonly DiagnosticBag _diagnostics;
    private readonly NameRegistry _registry = new();
    private readonly NameScope _types;
    private readonly List<DesignObject> _objects = [];
    private readonly HashSet<DesignObject> _added = [];
    private readonly Dictionary<DesignObject, string> _recordNames = [];
    private readonly Dictionary<DesignObject, string> _viewEnums = [];

    private NamePass(ModelContext context, DiagnosticBag diagnostics)
    {
        _context = context;
        _diagnostics = diagnostics;
        // Ignoring case: System.Text.Json's source generator names a file after each type it reaches (and after each list,
        // map and nullable of one), and two files of one generator may not differ only in case; so are CLS's names.
        _types = _registry.Add($"types of namespace {context.Namespace}", IdentifierSyntax.CSharp, ignoreCase: true);
    }

    public static ModelNames Run(ModelContext context, DiagnosticBag diagnostics) => new NamePass(context, diagnostics).Run();

    private ModelNames Run()
    {
        _types.Reserve(ReservedNames.UnqualifiedTypeNames.Order(StringComparer.Ordinal), Unqualified);
        _types.Reserve(ReservedNames.NamespaceRoots, NamespaceRoot);
        _types.Reserve(ReservedNames.ChildNamespaces, ChildNamespace);
        _types.Reserve(PrimitiveForm.RuntimeNames, JsonContract);

        // A record declares these (Equals, PrintMembers, Validate, Project...): a record of the same name would be CS0542.
        _types.Reserve(ReservedNames.DeclaredRecordMembers, RecordMember);
        _types.Reserve(ReservedNames.ViewMembers, ViewMember);
        ClaimApiTypes();
        var security = ClaimSecurityTypes();
        var services = _context.Services.ToDictionary(s => s, ClaimServiceTypes);
        var named = ClaimDesignTypes();
        NameViewEnums();
        foreach (var (type, name) in named)
        {
            AddObject(type, name);
        }

        NameMethodTypes();
        var methods = NameMethods();
        var enums = NameEnums();
        var json = NameJsonInfos(enums);
        var (files, enumFiles) = NameFiles(services, enums);
        var records = _objects.ToDictionary(o => o, o => NameMembers(o, files[o], json[o]));
        var protos = new ProtoNamer(_context, _registry, _recordNames, _objects).Run(services, methods, enums.Select((e, i) => e with { FileName = enumFiles[i] }).ToList());
        NameServiceMembers(services, methods);
        return new ModelNames
        {
            Registry = _registry,
            Types = _types,
            Objects = _objects,
            Records = WithProtoFields(records, protos.Fields),
            Services = services,
            Methods = methods,
            Enums = protos.Enums,
            EnumsByAttribute = EnumsByAttribute(protos.Enums),
            SharedMessages = protos.SharedMessages,
            Security = security,
        };
    }

    private static Dictionary<DesignObject, RecordNames> WithProtoFields(Dictionary<DesignObject, RecordNames> records, IReadOnlyDictionary<DesignObject, IReadOnlyDictionary<string, string>> fields)
    {
        var named = new Dictionary<DesignObject, RecordNames>(records.Count);
        foreach (var (type, names) in records)
        {
            named.Add(type, names with { ProtoFields = fields[type] });
        }

        return named;
    }

    private static Dictionary<DesignAttribute, EnumNames> EnumsByAttribute(IReadOnlyList<EnumNames> enums)
    {
        var byAttribute = new Dictionary<DesignAttribute, EnumNames>();
        foreach (var names in enums)
        {
            foreach (var use in names.Uses)
            {
                byAttribute.Add(use.Attribute, names);
            }
        }

        return byAttribute;
    }

    /// <summary>
    /// <c>{Api}Security</c> and, per apiKey or basic scheme, the authentication handler the user writes
    /// (<c>{Scheme}AuthenticationHandler</c>); the security class's members in a scope of their own.
    /// </summary>
    private SecurityNames? ClaimSecurityTypes()
    {
        if (_context.Api.Security is not { Count: > 0 } schemes)
        {
            return null;
        }

        var owner = new NameOwner($"the security of API '{_context.Api.ApiName}'", _context.Api.KeySpanOf("security"));
        var className = _types.Allocate(owner, _context.Stem + "Security", _context.Stem + "SecuritySchemes");
        var members = _registry.Add($"members of {className}", IdentifierSyntax.CSharp);
        members.Reserve(["Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", className, "Add" + _context.Stem + "Authorization", "Add" + _context.Stem + "Authentication"], ObjectMember);
        var memberNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var handlers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, scheme) in schemes)
        {
            var schemeOwner = new NameOwner($"security scheme '{name}'", scheme.NameSpan);
            var pascal = CSharpNaming.ToPascalCase(name);
            memberNames[name] = members.Allocate(schemeOwner, pascal, pascal + "Scheme");
            if (scheme.Kind is "apiKey" or "basic")
            {
                handlers[name] = _types.Allocate(schemeOwner, pascal + "AuthenticationHandler", _context.Stem + pascal + "AuthenticationHandler");
            }
        }

        return new SecurityNames(className, "Add" + _context.Stem + "Authorization", "Add" + _context.Stem + "Authentication", memberNames, handlers);
    }

    private void ClaimApiTypes()
    {
        var owner = new NameOwner($"API '{_context.Api.ApiName}'", _context.Api.SpanOf("name"));
        foreach (var suffix in new[] { "JsonContext", "JsonReader", "ProtoMapper", "Server" })
        {
            Claim(_types, _context.Stem + suffix, owner);
        }
    }

    private ServiceNames ClaimServiceTypes(DesignService service)
    {
        var name = CSharpNaming.ToPascalCase(service.Name);
        var names = new ServiceNames(
            name, $"I{name}Service", $"I{name}Client", $"{name}Service", $"{name}Errors", $"{name}HttpEndpoints", $"Map{name}",
            $"{name}HttpClient", $"{name}GrpcService", $"{name}GrpcClient");
        var owner = Owner(service);
        foreach (var type in names.Types)
        {
            Claim(_types, type, owner);
        }

        return names;
    }

    /// <summary>
    /// A design type keeps its PascalCase name unless something outside the design holds it (a framework type the
    /// generated code uses unqualified, a namespace the generator adds): then it is prefixed with the API's name
    /// (<c>Task</c> → <c>TodoTask</c>). A name another design element generates is a collision to report.
    /// </summary>
    private List<(DesignObject Type, string Name)> ClaimDesignTypes()
    {
        var claimed = new List<(DesignObject, string)>();
        foreach (var type in _context.Index.NamedObjects)
        {
            var name = CSharpNaming.ToPascalCase(type.TypeName!);
            if (!_types.TryClaim(name, Owner(type), out var holder))
            {
                if (holder!.IsDesignElement && _types.HoldsExactly(name))
                {
                    Report(type.Owner.NameSpan, holder, Owner(type), name);
                }

                name = _types.Allocate(Owner(type), _context.Stem + name);
            }

            claimed.Add((type, name));
            _recordNames[type] = name;
        }

        return claimed;
    }

    /// <summary>The view enums, before any derived record, so <c>{Type}View</c> is the enum whenever the design allows.</summary>
    private void NameViewEnums()
    {
        foreach (var type in _context.Index.NamedObjects.Where(n => n.ResultType is not null))
        {
            _viewEnums[type] = _types.Allocate(Owner(type), _recordNames[type] + "View", _recordNames[type] + "Views");
        }
    }

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
        if (!_added.Add(type))
        {
            return;
        }

        _recordNames[type] = name;
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
                var owner = Owner(method);
                var isStreaming = method.StreamingPayload is not null || method.StreamingResult is not null;
                var names = new MethodNames(name, name + "Async")
                {
                    ServerStream = isStreaming ? _types.Allocate(owner, $"I{name}ServerStream", $"I{servicePascal}{name}ServerStream") : null,
                    ClientStream = isStreaming ? _types.Allocate(owner, $"I{name}ClientStream", $"I{servicePascal}{name}ClientStream") : null,
                    ParameterLocals = NameParameterLocals(method),
                };
                result[method] = _context.ServesHttp(method) && method.Http is { } http ? NameBodies(service, method, http, names) : names;
            }
        }

        return result;
    }

    /// <summary>The records of partial request and response bodies: <c>{Method}RequestBody</c>, else <c>{Record}RequestBody</c>.</summary>
    private MethodNames NameBodies(DesignService service, DesignMethod method, DesignMethodHttp http, MethodNames names)
    {
        var (verb, route) = HttpMapping.Route(service, http);
        var owner = Owner(method);
        string? request = null;
        if (HttpMapping.HasRequestBody(verb, method, http) && _context.ObjectOf(method.Payload, TypeRole.Payload) is { } payload
            && HttpMapping.Shape([.. payload.Attributes.Keys], http.Body, HttpMapping.PayloadOutsideBody(route, http, payload)).Kind == BodyKind.Partial)
        {
            request = _types.Allocate(owner, names.Name + "RequestBody", _recordNames[payload] + "RequestBody");
        }

        string? response = null;
        if (HttpMapping.HasResponseBody(method, http) && _context.ObjectOf(method.Result, TypeRole.Result) is { } result
            && HttpMapping.Shape([.. result.Attributes.Keys], null, http.Response?.Headers.KeysOrEmpty() ?? []).Kind == BodyKind.Partial)
        {
            response = _types.Allocate(owner, names.Name + "ResponseBody", _recordNames[result] + "ResponseBody");
        }

        return names with { RequestBody = request, ResponseBody = response };
    }

    /// <summary>
    /// The locals generated methods read payload attributes into (<c>topic</c>): in a scope where every fixed local of
    /// the templates is taken, so no design name can shadow <c>payload</c>, <c>context</c> or <c>cancellationToken</c>.
    /// </summary>
    private Dictionary<string, string> NameParameterLocals(DesignMethod method)
    {
        var locals = _registry.Add($"locals of the generated methods of '{method.Name}'", IdentifierSyntax.CSharp);
        locals.Reserve(ReservedNames.GeneratedLocals, Local);
        locals.Reserve(ReservedNames.AsyncKeywords, AsyncKeyword);
        return (_context.ObjectOf(method.Payload, TypeRole.Payload)?.Attributes ?? [])
            .ToDictionary((name, attribute) => ParameterLocal(locals, Owner(name, attribute), name));
    }

    /// <summary>
    /// The attribute's camelCase name (<c>topic</c>), unless a keyword or a fixed local has it (<c>pPayload</c>), or camelCase
    /// leaves it as it is (a script without case, <c>名前</c>): then it would be the name of the attribute's enum or of a
    /// type named after it, and <c>名前.Green</c> would read the local (<c>p名前</c>).
    /// </summary>
    private static string ParameterLocal(NameScope locals, NameOwner owner, string attribute)
    {
        var camel = CSharpNaming.ToCamelCase(attribute);
        var pascal = CSharpNaming.ToPascalCase(attribute);
        var prefixed = "p" + pascal;
        return CSharpNaming.IsIdentifier(camel) && camel != pascal ? locals.Allocate(owner, camel, prefixed) : locals.Allocate(owner, prefixed);
    }

    /// <summary>
    /// The design enums: one per attribute name and list of values (string attributes with <c>enum:</c>), shared by every
    /// record with that attribute. It is named after the attribute (<c>level</c> → <c>Level</c>) when the design gives that
    /// name one list of values, else after its first record as well (<c>FilterUpdateAction</c>); a name a type or a fixed
    /// name holds makes it give way the same way, then to <c>{Api}{Attribute}</c>. Members are the values in PascalCase,
    /// unique in the enum (<c>in-progress</c> → <c>InProgress</c>); the design's strings stay on the wire.
    /// </summary>
    private List<EnumNames> NameEnums()
    {
        var found = new List<FoundEnum>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in _objects)
        {
            foreach (var (attributeName, attribute) in type.Attributes)
            {
                if (attribute.Enum is not { Count: > 0 } || _context.TypeOf(attribute, attributeName) is not PrimitiveTypeExpression { Kind: PrimitiveKind.String } stringType)
                {
                    continue;
                }

                var values = attribute.Enum
                    .Select(v => DesignLiterals.TryRead(stringType, v.Node, out var value, out _) ? value as string : null)
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                var key = attributeName + "\0" + string.Join("\0", values);
                if (!byKey.TryGetValue(key, out var index))
                {
                    byKey[key] = index = found.Count;
                    found.Add(new FoundEnum(attributeName, values, []));
                }

                found[index].Uses.Add(new EnumUse(type, attribute));
            }
        }

        var listsPerAttribute = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in found)
        {
            listsPerAttribute.TryGetValue(list.Attribute, out var count);
            listsPerAttribute[list.Attribute] = count + 1;
        }

        var enums = new List<EnumNames>();
        foreach (var (attributeName, values, uses) in found)
        {
            var (firstOwner, firstAttribute) = uses[0];
            var owner = new NameOwner($"the enum of attribute '{attributeName}'", firstAttribute.NameSpan);
            var pascal = CSharpNaming.ToPascalCase(attributeName);
            var owned = _recordNames[firstOwner] + pascal;

            // The JSON context names an enum's contract after it, and has members of its own (Options, Default...).
            var preferred = listsPerAttribute[attributeName] == 1 && !ReservedNames.JsonContextMembers.Contains(pascal, StringComparer.OrdinalIgnoreCase) ? pascal : owned;
            var name = _types.Allocate(owner, preferred, owned, _context.Stem + pascal);
            var members = _registry.Add($"members of enum {name}", IdentifierSyntax.CSharp);
            members.Reserve([name, "value__"], new NameOwner("the enum's own name"));
            var memberNames = values.ToDictionary(
                v => v,
                v => members.Allocate(new NameOwner($"value '{v}' of attribute '{attributeName}'", firstAttribute.SpanOf("enum")), CSharpNaming.ToMemberName(v), CSharpNaming.ToMemberName(v) + "Value"),
                StringComparer.Ordinal);
            enums.Add(new EnumNames(name, "", attributeName, values, memberNames) { Uses = uses });
        }

        return enums;
    }

    /// <summary>
    /// The property each record gets in the JSON context (<c>Default.LogEntry</c>): its name, unless the context has a
    /// member of that name (<c>Default</c>, <c>Options</c>, a primitive's <c>String</c>) or the name is shaped like the
    /// ones collections get (<c>ArrayOf…</c>, <c>MapOf…</c>), or another's but for case; then <c>{Name}Record</c>.
    /// </summary>
    private Dictionary<DesignObject, string> NameJsonInfos(List<EnumNames> enums)
    {
        // Ignoring case: System.Text.Json's generator names a file after each property, and two may not differ only in case.
        var scope = _registry.Add($"members of {_context.Stem}JsonContext and {_context.Stem}JsonReader", IdentifierSyntax.CSharp, ignoreCase: true);
        scope.Reserve(ReservedNames.JsonContextMembers.Concat(PrimitiveForm.RuntimeNames).Append($"{_context.Stem}JsonContext").Append($"{_context.Stem}JsonReader"), RecordMember);

        // An enum is not listed in the context: the generator reaches it through a record and names its contract after it.
        scope.Reserve(enums.Select(e => e.Name), EnumContract);
        return _objects.ToDictionary(o => o, o =>
        {
            var name = _recordNames[o];
            var structural = name.StartsWith("ArrayOf", StringComparison.Ordinal) || name.StartsWith("MapOf", StringComparison.Ordinal);
            return structural ? scope.Allocate(Owner(o), "Record" + name) : scope.Allocate(Owner(o), name, name + "Record");
        });
    }

    /// <summary>
    /// Files and folders under gen/ and beside it, in scopes that ignore case as Windows and macOS file systems do:
    /// <c>Types/Foo.g.cs</c> and <c>Types/FOO.g.cs</c> would be one file there.
    /// </summary>
    private (Dictionary<DesignObject, string> Records, List<string> Enums) NameFiles(Dictionary<DesignService, ServiceNames> services, List<EnumNames> enums)
    {
        var folders = _registry.Add("folders of gen/", IdentifierSyntax.Path, ignoreCase: true);
        folders.Reserve(["Types", "Runtime", "Grpc", "StreamGen.props", "buf.yaml", "openapi.json", "asyncapi.yaml", $"{_context.Stem}JsonContext.g.cs", $"{_context.Stem}Server.g.cs"], GeneratedFile);
        var root = _registry.Add("files beside gen/", IdentifierSyntax.Path, ignoreCase: true);
        root.Reserve(["gen", "Program.cs", $"{_context.Stem}.csproj", ".streamgen-tmp"], GeneratedFile);
        foreach (var service in services.Keys.ToList())
        {
            var names = services[service];
            services[service] = names with
            {
                Folder = folders.Allocate(Owner(service), names.Name, names.Name + "Service"),
                ScaffoldFile = root.Allocate(Owner(service), names.Implementation + ".cs", names.Implementation + "Impl.cs"),
            };
        }

        var types = _registry.Add("files of gen/Types", IdentifierSyntax.Path, ignoreCase: true);
        var records = _objects.ToDictionary(o => o, o => "Types/" + types.Allocate(Owner(o), _recordNames[o] + ".g.cs", _recordNames[o] + "_.g.cs"));
        var enumFiles = enums.Select(e => "Types/" + types.Allocate(new NameOwner($"enum {e.Name}"), e.Name + ".g.cs", e.Name + "_.g.cs")).ToList();
        return (records, enumFiles);
    }

    /// <summary>
    /// A record's members: the names C# and the generator give every record (and, with views, the view members and the
    /// view enum, which the record's own code names) come first; an attribute that wants one gets <c>{Name}Value</c>.
    /// The regex methods of patterns come after every property; locals of its methods after every fixed local.
    /// </summary>
    private RecordNames NameMembers(DesignObject type, string fileName, string jsonInfo)
    {
        var name = _recordNames[type];
        var viewEnum = _viewEnums.GetValueOrDefault(type);
        var members = _registry.Add($"members of record {name}", IdentifierSyntax.CSharp);
        members.Reserve([name], new NameOwner("the record's own name"));
        members.Reserve(ReservedNames.RecordMembers, RecordMember);
        if (viewEnum is not null)
        {
            members.Reserve(ReservedNames.ViewMembers.Append(viewEnum), ViewMember);
        }

        var properties = type.Attributes.ToDictionary(
            (attributeName, attribute) => members.Allocate(Owner(attributeName, attribute), CSharpNaming.ToPascalCase(attributeName), CSharpNaming.ToPascalCase(attributeName) + "Value"));
        var patterns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (attributeName, attribute) in type.Attributes)
        {
            if (attribute.Pattern is not null && _context.TypeOf(attribute, attributeName) is PrimitiveTypeExpression { Kind: PrimitiveKind.String })
            {
                patterns.Add(attributeName, members.Allocate(Owner(attributeName, attribute), properties[attributeName] + "Pattern", properties[attributeName] + "PatternRegex"));
            }
        }

        var locals = _registry.Add($"locals of the methods of record {name} and of its mapper", IdentifierSyntax.CSharp, members);
        locals.Reserve(ReservedNames.RecordLocals, Local);

        var views = new Dictionary<string, string>(StringComparer.Ordinal);
        if (viewEnum is not null)
        {
            var enumMembers = _registry.Add($"members of enum {viewEnum}", IdentifierSyntax.CSharp);
            enumMembers.Reserve([viewEnum, "value__"], new NameOwner("the enum's own name"));
            foreach (var view in type.ResultType!.Views is { Count: > 0 } declared ? declared.Keys.ToList() : ["default"])
            {
                views[view] = enumMembers.Allocate(new NameOwner($"view '{view}' of '{type.TypeName}'", type.Owner.EntrySpanOf("views", view)), CSharpNaming.ToPascalCase(view));
            }
        }

        return new RecordNames(
            name,
            fileName,
            viewEnum,
            jsonInfo,
            type.Attributes.ToDictionary(
                (attributeName, attribute) => new PropertyNames(properties[attributeName], locals.Allocate(Owner(attributeName, attribute), CSharpNaming.ToCamelCase(attributeName) + "Value"), patterns.GetValueOrDefault(attributeName))),
            views,
            new Dictionary<string, string>());
    }

    /// <summary>The members of each service's classes that its methods and errors add, after the ones fixed by the templates.</summary>
    private void NameServiceMembers(Dictionary<DesignService, ServiceNames> services, Dictionary<DesignMethod, MethodNames> methods)
    {
        foreach (var service in services.Keys.ToList())
        {
            var names = services[service];
            var errors = _registry.Add($"members of class {names.Errors}", IdentifierSyntax.CSharp);
            errors.Reserve(ReservedNames.ObjectMembers.Append(names.Errors), ObjectMember);
            var factories = new Dictionary<string, string>(StringComparer.Ordinal);
            // The service's errors, then its methods' (loops: LINQ over KeyValuePairs is generic code over structs that
            // ReadyToRun cannot precompile).
            foreach (var declared in service.Methods.ValuesOrEmpty().Select(m => m.Errors).Prepend(service.Errors))
            {
                foreach (var (errorName, error) in declared ?? [])
                {
                    if (!factories.ContainsKey(errorName))
                    {
                        var factory = CSharpNaming.ToPascalCase(errorName);
                        factories[errorName] = errors.Allocate(new NameOwner($"error '{errorName}'", error.NameSpan), factory, factory + "Error");
                    }
                }
            }

            services[service] = names with { ErrorFactories = factories };

            var http = _registry.Add($"members of class {names.HttpEndpoints}", IdentifierSyntax.CSharp);
            http.Reserve(ReservedNames.ObjectMembers.Append(names.HttpEndpoints).Append(names.MapHttpMethod).Append("Resolve"), ObjectMember);
            var grpc = _registry.Add($"members of class {names.GrpcService}", IdentifierSyntax.CSharp);
            grpc.Reserve(ReservedNames.ObjectMembers, ObjectMember);
            grpc.Reserve([names.GrpcService], Owner(service));

            // The RPC overrides are the gRPC path's method names: they come first, the helpers give way.
            foreach (var method in service.Methods.ValuesOrEmpty())
            {
                if (methods[method].RpcName is { } rpc)
                {
                    Claim(grpc, rpc, Owner(method));
                }
            }

            // One status table per distinct mapping: the first is the service's ErrorStatus, others are named after a method.
            var httpTables = new Dictionary<string, string>(StringComparer.Ordinal);
            var grpcTables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var method in service.Methods.ValuesOrEmpty())
            {
                var owner = Owner(method);
                var m = methods[method];
                var isStreaming = m.ServerStream is not null;
                methods[method] = m with
                {
                    Http = !_context.ServesHttp(method) ? null : new HttpMemberNames(
                        http.Allocate(owner, $"Handle{m.Name}Async"),
                        http.Allocate(owner, $"Decode{m.Name}"),
                        Table(httpTables, http, owner, m.Name, string.Join('\n', HttpMapping.ErrorStatuses(service, method))),
                        isStreaming ? http.Allocate(owner, $"{m.Name}ServerStream") : null)
                    {
                        JsonLinesServerStream = ServesFramings(method) ? http.Allocate(owner, $"{m.Name}JsonLinesServerStream") : null,
                        WebSocketServerStream = ServesFramings(method) ? http.Allocate(owner, $"{m.Name}WebSocketServerStream") : null,
                        Serve = ServesFramings(method) ? http.Allocate(owner, $"Serve{m.Name}Async") : null,
                    },
                    Grpc = m.RpcName is null ? null : new GrpcMemberNames(
                        Table(grpcTables, grpc, owner, m.Name, string.Join('\n', HttpMapping.GrpcStatuses(service, method))),
                        grpc.Allocate(owner, $"Decode{m.Name}"),
                        isStreaming ? grpc.Allocate(owner, $"{m.Name}ServerStream") : null),
                };
            }
        }
    }

    /// <summary>A server stream with <c>serverSentEvents</c> also answers JSON Lines and a WebSocket upgrade on its route.</summary>
    private static bool ServesFramings(DesignMethod method) => method.Http?.ServerSentEvents is not null && method.StreamingResult is not null && method.StreamingPayload is null;

    private static string Table(Dictionary<string, string> tables, NameScope scope, NameOwner owner, string method, string mapping)
    {
        if (!tables.TryGetValue(mapping, out var name))
        {
            tables[mapping] = name = scope.Allocate(owner, tables.Count == 0 ? "ErrorStatus" : $"{method}ErrorStatus");
        }

        return name;
    }

    /// <summary>Takes a name two design elements cannot both have (a service's types, an API's), reporting SG1008 when it is held.</summary>
    /// <remarks>
    /// Only the same spelling is a collision: API and service types cross no wire, and C# tells <c>OrdersClient</c> from
    /// <c>ORDERSClient</c>. The later one is not added; the scope still refuses any later type of either spelling.
    /// </remarks>
    private void Claim(NameScope scope, string name, NameOwner owner)
    {
        if (!scope.TryClaim(name, owner, out var holder) && holder!.IsDesignElement && scope.HoldsExactly(name))
        {
            Report(owner.Span!.Value, holder, owner, name);
        }
    }

    private void Report(SourceSpan span, NameOwner first, NameOwner second, string name) =>
        _diagnostics.ReportWithHint(DiagnosticDescriptors.GeneratedNameCollision, span, "rename one of them", Capitalize(second.Description), first.Description, name);

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static NameOwner Owner(DesignObject type) => new(type.TypeName is null ? type.Description : $"type '{type.TypeName}'", type.Owner.NameSpan);

    private static NameOwner Owner(DesignService service) => new($"service '{service.Name}'", service.NameSpan);

    private static NameOwner Owner(DesignMethod method) => new($"method '{method.Name}'", method.NameSpan);

    private static NameOwner Owner(string attributeName, DesignAttribute attribute) => new($"attribute '{attributeName}'", attribute.NameSpan);
}
