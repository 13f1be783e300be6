using CsCheck;
using StreamGen.Naming;
using StreamGen.Model;
using StreamGen.Tests.Properties.Spec;

namespace StreamGen.Tests.Properties;

/// <summary>
/// A CsCheck generator of random VALID designs, written from shared/design-format.md and docs/ alone: named, result
/// (with views), nested inline and recursive types; ArrayOf/MapOf of everything (nested collections only without gRPC,
/// where the format prescribes a wrapper type, SG5005); every validation with consistent values; all four stream
/// shapes; SSE with id/event/retry/lastEventId; raw bodies; path, query, header and body mappings; response headers;
/// errors at service and method level with HTTP statuses and gRPC codes; gRPC on and off; and hostile names.
/// Every constraint the format states is honoured where the choice is made, so no design needs to be filtered out.
/// A kind in <paramref name="avoided"/> is never produced (see <see cref="FailureKinds"/>).
/// </summary>
internal sealed class DesignGenerator(IReadOnlySet<string> avoided) : Gen<DesignSpec>
{
    public override DesignSpec Generate(PCG pcg, Size? min, out Size size)
    {
        var design = new Builder(new Draw(pcg), avoided).Build();
        size = new Size((ulong)design.Size);
        return design;
    }

    private enum Shape
    {
        Unary,
        ServerStream,
        ClientStream,
        Bidirectional,
    }

    private static readonly string[] Primitives = ["Boolean", "Int", "Int32", "Int64", "UInt", "UInt32", "UInt64", "Float32", "Float64", "String", "Bytes", "Any"];
    private static readonly string[] Integers = ["Int", "Int32", "Int64", "UInt", "UInt32", "UInt64"];
    private static readonly string[] MapKeys = ["String", "Int", "Int32", "Int64", "UInt", "UInt32", "UInt64", "Boolean"];
    private static readonly string[] Formats = ["date", "date-time", "uuid", "email", "hostname", "ipv4", "ipv6", "ip", "uri", "mac", "cidr", "regexp", "json", "rfc1123"];
    private static readonly string[] FormatExamples =
    [
        "\"2024-01-02\"", "\"2024-01-02T03:04:05Z\"", "\"0f8fad5b-d9cb-469f-a165-70867728950e\"", "\"a@example.com\"", "example.com",
        "\"127.0.0.1\"", "\"::1\"", "\"10.1.2.3\"", "\"https://example.com/a?b=c\"", "\"01:23:45:67:89:ab\"", "\"10.0.0.0/8\"",
        "\"^a+$\"", "\"{\\\"a\\\": 1}\"", "\"Mon, 02 Jan 2006 15:04:05 GMT\"",
    ];

    private static readonly (string Pattern, string Example)[] Patterns =
    [
        ("^[a-z]+$", "abc"), ("^\\\\d{3}-\\\\d{4}$", "555-1234"), ("[A-Za-z' ]+", "Syrah"), ("^\\\\p{L}+$", "größe"),
        ("^\\\"[^\\\"]*\\\"$", "\\\"q\\\""), ("^(https?|ftp)://[^\\\\s/$.?#].[^\\\\s]*$", "http://a.example/"), ("multipart/[^;]+; boundary=.+", "multipart/form-data; boundary=x"),
    ];

    private static readonly string[] PlainEnumValues = ["red", "green", "blue", "debug", "info", "warn", "error", "on", "off", "a1"];
    private static readonly string[] TrickyEnumValues = ["a b", "with\\\"quote", "back\\\\slash", "ünï", "", "default", "class", "1abc", "a-b", "A_B", "a_b", "x.y"];
    private static readonly string[] GrpcCodes = ["CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"];
    private static readonly int[] ErrorStatuses = [400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504];

    private sealed class Builder(Draw draw, IReadOnlySet<string> avoided)
    {
        private readonly List<TypeSpec> _types = [];
        private readonly Dictionary<string, int> _typeIndex = new(StringComparer.Ordinal);
        private bool _grpc;

        public Draw Random => draw;

        public bool Allows(string kind) => !avoided.Contains(kind) && !FailureKinds.Rejected.Contains(kind);

        /// <summary>
        /// A name the .proto can carry, in a design with gRPC: an API, service or method name without an ASCII spelling
        /// (<c>ΑΒΓ</c>) is SG5008, since protoc refuses non-ASCII identifiers and the name is the gRPC path's.
        /// </summary>
        public bool ProtoCarries(string name) => !_grpc || ProtoNaming.ToProtoIdentifier(CSharpNaming.ToPascalCase(name)) is not null;

        /// <summary>
        /// A service or RPC name protoc's C# can carry (SG5009): its gRPC plugin writes a class per service with a
        /// <c>Descriptor</c> and <c>BindService</c>, and nested <c>{Service}Base</c> and <c>{Service}Client</c> classes.
        /// </summary>
        public bool ProtocCarries(string name, string? service = null)
        {
            var proto = ProtoNaming.ToProtoIdentifier(CSharpNaming.ToPascalCase(name));
            var serviceProto = service is null ? null : ProtoNaming.ToProtoIdentifier(CSharpNaming.ToPascalCase(service));
            return !_grpc || (service is null ? proto is not ("Descriptor" or "BindService") : proto != serviceProto + "Base" && proto != serviceProto + "Client");
        }

        public DesignSpec Build()
        {
            _grpc = draw.Chance(0.55);
            var typeCount = draw.Weighted((2, 0), (3, 1), (3, 2), (2, 3), (1, 5));
            var resultCount = draw.Weighted((3, 0), (3, 1), (2, 2));
            var typeNames = new NameScope(this);
            var names = Enumerable.Range(0, typeCount + resultCount).Select(_ => typeNames.TypeName()).ToList();

            // Declare every name first so attributes can refer to any type, themselves included (recursion).
            for (var i = 0; i < names.Count; i++)
            {
                _typeIndex[names[i]] = i;
            }

            for (var i = 0; i < names.Count; i++)
            {
                var isResult = i >= typeCount;
                var type = Object(owner: i, depth: 0, minAttributes: isResult ? 1 : 0, names[i]);
                IReadOnlyList<ViewSpec>? views = null;
                string? identifier = null;
                if (isResult)
                {
                    identifier = draw.Chance(0.5) ? $"application/vnd.{names[i].ToLowerInvariant()}" : null;
                    views = draw.Chance(0.75) ? Views(type) : null;
                    if (views is null && identifier is null)
                    {
                        identifier = "application/vnd.x";
                    }
                }

                _types.Add(new TypeSpec(names[i], type, views, identifier));
            }

            var services = new List<ServiceSpec>();
            var serviceNames = new NameScope(this);
            var serviceCount = draw.Weighted((5, 1), (3, 2), (1, 3));
            for (var s = 0; s < serviceCount; s++)
            {
                services.Add(Service(s, serviceNames.ServiceName(_typeIndex.Keys)));
            }

            if ((!Allows(FailureKinds.GrpcOnlyDesign) && !services.Any(s => s.Methods.Any(m => m.Http is not null)))
                || (!Allows(FailureKinds.DesignWithoutMethods) && services.All(s => s.Methods.Count == 0)))
            {
                services[0] = services[0] with { Methods = [.. services[0].Methods, SimpleHttpMethod(services[0])] };
            }

            var schemes = draw.Chance(0.3) ? Schemes() : [];
            if (schemes.Count > 0)
            {
                services = [.. services.Select(s => s with { Methods = [.. s.Methods.Select(m => draw.Chance(0.5) ? m with { Security = Security(schemes) } : m)] })];
            }

            // Mostly unique API names, so that many designs share one batch compilation (namespaces differ).
            var apiNames = new NameScope(this);
            string api;
            do
            {
                api = apiNames.Word();
                api = draw.Chance(0.8) || !Allows(FailureKinds.FrameworkTypeNames) ? $"{api}_{draw.Int(0, 999_999)}" : api;
            }
            while (_grpc && ProtoNaming.Package(api) is null);

            return new DesignSpec(
                api,
                draw.Chance(0.3) ? $"Space{draw.Int(0, 99999)}.Api" : null,
                _types,
                services,
                draw.Chance(0.3) ? "A generated \"design\" \\ with ünïcode" : null,
                draw.Chance(0.2) ? 8080 : null,
                draw.Chance(0.2) ? 8081 : null,
                schemes,
                draw.Chance(0.3));
        }

        /// <summary>One to three schemes of any kind, named like anything else in a design (hostile names included), some with scopes.</summary>
        private List<SchemeSpec> Schemes()
        {
            var names = new NameScope(this);
            var count = draw.Int(1, 3);
            return [.. Enumerable.Range(0, count).Select(_ =>
            {
                var kind = draw.Pick(["jwt", "apiKey", "basic", "oauth2"]);
                var scopes = new NameScope(this);
                return new SchemeSpec(names.Word(), kind, [.. Enumerable.Range(0, draw.Int(0, 2)).Select(_ => scopes.Word())]);
            })];
        }

        /// <summary>One or two alternatives, each one scheme (two that share Authorization cannot combine) and some of its scopes.</summary>
        private List<RequirementSpec> Security(List<SchemeSpec> schemes) =>
            [.. Enumerable.Range(0, draw.Weighted((3, 1), (1, 2))).Select(_ =>
            {
                var scheme = draw.Pick(schemes);
                return new RequirementSpec([scheme.Name], [.. scheme.Scopes.Where(_ => draw.Chance(0.5))]);
            })];

        private MethodSpec SimpleHttpMethod(ServiceSpec service) =>
            new("ping_http", null, null, null, null, [], new HttpSpec("POST", $"/ping{service.Name.Length}x{service.Methods.Count}", [], []), null);

        // ---- types ----

        private ObjectSpec Object(int owner, int depth, int minAttributes, string? enclosingName, Func<TypeExpr>? attributeType = null, int maxAttributes = 6, Func<string, bool>? admits = null)
        {
            var scope = new NameScope(this);
            minAttributes = _grpc && !Allows(FailureKinds.GrpcEmptyType) ? Math.Max(1, minAttributes) : minAttributes;
            maxAttributes = Math.Max(minAttributes, maxAttributes);
            var count = draw.Int(minAttributes, Math.Max(minAttributes, draw.Chance(0.7) ? Math.Min(maxAttributes, 3) : maxAttributes));
            var attributes = new List<AttributeSpec>();
            var required = new List<string>();
            var fields = FieldNumbers(count);
            for (var i = 0; i < count; i++)
            {
                var name = scope.AttributeName(enclosingName, _typeIndex.Keys, admits);
                var type = attributeType?.Invoke() ?? AttributeType(owner, depth);
                attributes.Add(new AttributeSpec(name, type, fields[i], Validations(type), draw.Chance(0.15) ? "An attribute's description: <b>&amp;</b> */ \"quoted\"" : null));
                if (draw.Chance(0.5) && CanRequire(owner, type))
                {
                    required.Add(name);
                }
            }

            return new ObjectSpec(attributes, required, draw.Chance(0.2) ? "An object" : null);
        }

        /// <summary>Required direct references only point at types declared earlier, so no required cycle exists (SG2003).</summary>
        private bool CanRequire(int owner, TypeExpr type) => type switch
        {
            NamedExpr named => _typeIndex[named.Name] < owner,
            InlineExpr inline => inline.Object.Required.All(r => CanRequire(owner, inline.Object.Attributes.First(a => a.Name == r).Type)),
            _ => true,
        };

        private IReadOnlyList<int?> FieldNumbers(int count)
        {
            var withFields = _grpc || draw.Chance(0.5);
            var numbers = new List<int?>();
            var next = draw.Chance(0.2) ? draw.Pick([100, 18990, 20000, 536_870_800]) : 1;
            for (var i = 0; i < count; i++)
            {
                numbers.Add(withFields ? next : null);
                next += draw.Chance(0.2) ? draw.Int(2, 5) : 1;
                if (next is >= 19000 and <= 19999)
                {
                    next = 20000;
                }
            }

            return draw.Chance(0.2) ? [.. numbers.AsEnumerable().Reverse()] : numbers;
        }

        private TypeExpr AttributeType(int owner, int depth)
        {
            var choice = draw.Weighted((10, 0), (3, 1), (3, 2), (2, 3), (depth < 2 ? 2 : 0, 4));
            return choice switch
            {
                0 => (TypeExpr)Primitive(),
                1 when _typeIndex.Count > 0 => new NamedExpr(draw.Pick(_typeIndex.Keys.ToList())),
                1 or 2 => new ArrayExpr(CollectionElement(owner, depth)),
                3 => new MapExpr(new PrimitiveExpr(draw.Pick(MapKeys)), CollectionElement(owner, depth)),
                _ => new InlineExpr(Object(owner, depth + 1, 0, null, maxAttributes: 4)),
            };
        }

        private TypeExpr CollectionElement(int owner, int depth)
        {
            if (!_grpc && depth < 2 && draw.Chance(0.2))
            {
                return draw.Chance(0.5) ? new ArrayExpr(Primitive()) : new MapExpr(new PrimitiveExpr(draw.Pick(MapKeys)), CollectionElement(owner, depth + 1));
            }

            return draw.Chance(0.6) || _typeIndex.Count == 0 ? Primitive() : new NamedExpr(draw.Pick(_typeIndex.Keys.ToList()));
        }

        private PrimitiveExpr Primitive() => new(draw.Pick(Primitives));

        private List<KeyValuePair<string, string>> Validations(TypeExpr type)
        {
            var v = new List<KeyValuePair<string, string>>();
            void Add(string key, string value) => v.Add(new(key, value));
            switch (type)
            {
                case PrimitiveExpr { Name: "String" }:
                    switch (draw.Int(0, 5))
                    {
                        case 0:
                            var values = draw.Subset(PlainEnumValues, 0.4).Concat(Allows(FailureKinds.TrickyEnumValues) ? draw.Subset(TrickyEnumValues, 0.3) : []).Distinct().ToList();
                            if (values.Count == 0)
                            {
                                values.Add("only");
                            }

                            Add("enum", $"[{string.Join(", ", values.Select(Quote))}]");
                            if (draw.Chance(0.5))
                            {
                                Add("default", Quote(draw.Pick(values)));
                            }

                            break;
                        case 1:
                            var format = draw.Int(0, Formats.Length - 1);
                            Add("format", Formats[format]);
                            if (draw.Chance(0.5))
                            {
                                Add("example", FormatExamples[format]);
                            }

                            break;
                        case 2:
                            var (pattern, example) = draw.Pick(Patterns);
                            Add("pattern", $"\"{pattern}\"");
                            Add(draw.Chance(0.5) ? "example" : "default", $"\"{example}\"");
                            break;
                        case 3:
                            var min = draw.Int(0, 3);
                            Add("minLength", min.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            Add("maxLength", draw.Int(min + 3, 4096).ToString(System.Globalization.CultureInfo.InvariantCulture));
                            if (draw.Chance(0.4))
                            {
                                Add("default", "\"" + new string('x', min + 1) + "\"");
                            }

                            break;
                        case 4:
                            Add("default", "\"a \\\"default\\\" with ünïcode and \\\\ slash\"");
                            break;
                    }

                    break;
                case PrimitiveExpr { Name: "Boolean" }:
                    if (draw.Chance(0.4))
                    {
                        Add("default", draw.Chance(0.5) ? "true" : "false");
                    }

                    break;
                case PrimitiveExpr { Name: "Float32" or "Float64" }:
                    if (draw.Chance(0.5))
                    {
                        Add(draw.Chance(0.5) ? "minimum" : "exclusiveMinimum", "-1.5");
                        Add(draw.Chance(0.5) ? "maximum" : "exclusiveMaximum", "1000.25");
                        if (draw.Chance(0.5))
                        {
                            Add("default", "0.5");
                        }
                    }

                    break;
                case PrimitiveExpr { Name: var integer } when Integers.Contains(integer):
                    var unsigned = integer.StartsWith('U');
                    switch (draw.Int(0, 3))
                    {
                        case 0:
                            Add("minimum", unsigned ? "1" : "-10");
                            Add("maximum", integer is "Int64" ? "9000000000" : integer is "UInt64" ? "18000000000000000000" : "1000");
                            if (draw.Chance(0.5))
                            {
                                Add("default", "5");
                            }

                            break;
                        case 1:
                            Add("exclusiveMinimum", "0");
                            Add("exclusiveMaximum", "100");
                            break;
                        case 2:
                            Add("enum", unsigned ? "[1, 2, 3]" : "[-1, 0, 7]");
                            Add("default", unsigned ? "2" : "0");
                            break;
                    }

                    if (draw.Chance(0.2))
                    {
                        Add("example", "7");
                    }

                    break;
                case PrimitiveExpr { Name: "Bytes" }:
                    if (draw.Chance(0.5))
                    {
                        Add("minLength", "1");
                        Add("maxLength", "65536");
                    }

                    break;
                case ArrayExpr or MapExpr:
                    if (draw.Chance(0.5))
                    {
                        Add("minItems", "0");
                        Add("maxItems", draw.Int(2, 100).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    if (type is ArrayExpr { Element: PrimitiveExpr { Name: "String" } } && draw.Chance(0.2))
                    {
                        Add("default", "[a, b]");
                    }

                    break;
            }

            return v;
        }

        private static string Quote(string yamlStringContent) => $"\"{yamlStringContent}\"";

        private IReadOnlyList<ViewSpec> Views(ObjectSpec type)
        {
            var names = type.Attributes.Select(a => a.Name).ToList();
            var views = new List<ViewSpec> { new("default", Pick(names)) };
            var scope = new HashSet<string>(StringComparer.Ordinal) { "Default" };
            var count = draw.Int(0, 3);
            for (var i = 0; i < count; i++)
            {
                var name = draw.Pick(NamePools.ViewWords);
                var unique = Allows(FailureKinds.ViewCasingCollision) ? views.All(v => v.Name != name) : scope.Add(CSharpNaming.ToPascalCase(name));
                if (unique)
                {
                    views.Add(new ViewSpec(name, Pick(names)));
                }
            }

            if (Allows(FailureKinds.ViewCasingCollision) && draw.Chance(0.1) && views.All(v => v.Name is not ("id_only" or "idOnly")))
            {
                views.Add(new ViewSpec("id_only", Pick(names)));
                views.Add(new ViewSpec("idOnly", Pick(names)));
            }

            return views;

            List<string> Pick(List<string> all)
            {
                var subset = draw.Subset(all, 0.6);
                return subset.Count > 0 ? subset : [draw.Pick(all)];
            }
        }

        // ---- services and methods ----

        private ServiceSpec Service(int index, string name)
        {
            var errors = new List<ErrorSpec>();
            var errorScope = new HashSet<string>(StringComparer.Ordinal);
            var serviceErrors = draw.Int(0, 2);
            for (var i = 0; i < serviceErrors; i++)
            {
                if (NewError(errorScope) is { } error)
                {
                    errors.Add(error);
                }
            }

            var grpcEnabled = _grpc && draw.Chance(0.4);
            var basePath = draw.Chance(0.3) ? draw.Pick(["/api", "/v1/x-y", "/a.b~c", "/" + index]) : null;
            var methodScope = new NameScope(this);
            var methods = new List<MethodSpec>();
            var methodCount = draw.Weighted((1, 0), (4, 1), (4, 2), (3, 3), (1, 6));
            for (var m = 0; m < methodCount; m++)
            {
                methods.Add(Method(index, m, methodScope.MethodName(name), errors, errorScope, grpcEnabled));
            }

            var httpErrors = draw.Subset(errors, 0.4).Select(e => new KeyValuePair<string, int>(e.Name, draw.Pick(ErrorStatuses))).ToList();
            var grpcErrors = _grpc ? draw.Subset(errors, 0.4).Select(e => new KeyValuePair<string, string>(e.Name, draw.Pick(GrpcCodes))).ToList() : [];
            return new ServiceSpec(name, methods, errors, basePath, httpErrors, grpcEnabled, grpcErrors, draw.Chance(0.2) ? "A service" : null);
        }

        private ErrorSpec? NewError(HashSet<string> scope)
        {
            var name = draw.Pick(NamePools.ErrorWords);
            if (Allows(FailureKinds.ErrorCasingCollision) && draw.Chance(0.15))
            {
                name = CSharpNaming.ToParameterName(name).TrimStart('@');
            }

            return scope.Add(Allows(FailureKinds.ErrorCasingCollision) ? name : CSharpNaming.ToPascalCase(name))
                ? new ErrorSpec(name, draw.Chance(0.3), draw.Chance(0.2), draw.Chance(0.2), draw.Chance(0.3) ? "An error" : null)
                : null;
        }

        private MethodSpec Method(int serviceIndex, int methodIndex, string name, IReadOnlyList<ErrorSpec> serviceErrors, HashSet<string> errorScope, bool serviceGrpc)
        {
            var shape = draw.Weighted((4, Shape.Unary), (2, Shape.ServerStream), (2, Shape.ClientStream), (2, Shape.Bidirectional));
            var grpc = _grpc && draw.Chance(serviceGrpc ? 0.85 : 0.6);
            var http = draw.Chance(0.85) || (!grpc && draw.Chance(0.9));
            var sse = http && shape == Shape.ServerStream && draw.Chance(0.4);
            var rawRequest = http && !grpc && shape == Shape.Unary && draw.Chance(0.15);
            var rawResponse = http && !grpc && shape == Shape.Unary && (!rawRequest || Allows(FailureKinds.HttpRawRequestAndResponse)) && draw.Chance(0.15);
            var verb = shape != Shape.Unary ? "GET" : rawRequest ? draw.Pick(["POST", "PUT", "PATCH", "DELETE"]) : draw.Pick(["GET", "POST", "PUT", "PATCH", "DELETE"]);
            var bodiless = http && (verb == "GET" || shape != Shape.Unary || rawRequest);
            var metadata = grpc && shape is Shape.ClientStream or Shape.Bidirectional;

            // The payload: only placeable attributes when it travels in a URL, headers or gRPC metadata.
            RefSpec? payload = null;
            if (bodiless || metadata)
            {
                if (draw.Chance(0.7))
                {
                    payload = new RefSpec(PlaceablePayload(bodiless, metadata, sse));
                }
            }
            else if (draw.Chance(0.8))
            {
                payload = new RefSpec(MessageType(http, grpc, isBody: http), Description: draw.Chance(0.1) ? "The payload" : null);
            }

            RefSpec? streamingPayload = shape is Shape.ClientStream or Shape.Bidirectional ? new RefSpec(MessageType(false, grpc, isBody: false)) : null;
            RefSpec? result = null;
            RefSpec? streamingResult = null;
            if (shape == Shape.Unary && !rawResponse && draw.Chance(0.75))
            {
                result = ResultRef(http, grpc);
            }
            else if (shape == Shape.ClientStream && draw.Chance(0.6))
            {
                result = ResultRef(http: false, grpc);
            }
            else if (shape is Shape.ServerStream or Shape.Bidirectional)
            {
                streamingResult = ResultRef(http: false, grpc, sseFields: sse);
            }

            var errors = new List<ErrorSpec>();
            var count = draw.Int(0, 2);
            var scope = Allows(FailureKinds.ErrorCasingCollision) ? new HashSet<string>(serviceErrors.Select(e => e.Name), StringComparer.Ordinal) : errorScope;
            for (var i = 0; i < count; i++)
            {
                if (NewError(scope) is { } error)
                {
                    errors.Add(error);
                }
            }

            var declared = errors.Concat(serviceErrors).ToList();
            HttpSpec? httpSpec = null;
            if (http)
            {
                httpSpec = Http(serviceIndex, methodIndex, verb, payload, result ?? streamingResult, shape, sse, rawRequest, rawResponse, declared);
            }

            GrpcSpec? grpcSpec = null;
            if (grpc && (!serviceGrpc || draw.Chance(0.3)))
            {
                grpcSpec = new GrpcSpec(Errors: draw.Subset(declared, 0.5).Select(e => new KeyValuePair<string, string>(e.Name, draw.Pick(GrpcCodes))).ToList());
            }
            else if (!grpc && serviceGrpc)
            {
                grpcSpec = new GrpcSpec(Enabled: false);
            }

            return new MethodSpec(name, payload, streamingPayload, result, streamingResult, errors, httpSpec, grpcSpec, draw.Chance(0.2) ? "A method; it does */ things" : null);
        }

        /// <summary>
        /// A payload whose attributes all go in the path, query, headers or metadata: primitives (arrays of them in query and
        /// headers). A metadata key is the attribute's name, and metadata keys are ASCII: a name without an ASCII spelling
        /// (<c>ΑΒΓ</c>) is SG5008 there.
        /// </summary>
        private TypeExpr PlaceablePayload(bool http, bool metadata, bool sse)
        {
            Func<string, bool>? admits = metadata ? name => ProtoNaming.MetadataKey(name) is not null : null;
            var named = _types.Where((t, i) => !t.IsResultType && t.Object.Attributes.Count > 0
                && t.Object.Attributes.All(a => IsPlaceable(a.Type, http, metadata) && (admits is null || admits(a.Name)))).ToList();
            if (named.Count > 0 && !sse && draw.Chance(0.3))
            {
                return new NamedExpr(draw.Pick(named).Name);
            }

            var primitives = Primitives.Where(p => p != "Any" && !(metadata && p == "Bytes")).ToList();
            return new InlineExpr(Object(
                owner: int.MaxValue,
                depth: 2,
                minAttributes: sse ? 1 : 0,
                enclosingName: null,
                attributeType: () => http && !metadata && draw.Chance(0.15) ? new ArrayExpr(new PrimitiveExpr(draw.Pick(primitives))) : new PrimitiveExpr(sse && draw.Chance(0.5) ? "String" : draw.Pick(primitives)),
                admits: admits));
        }

        private static bool IsPlaceable(TypeExpr type, bool http, bool metadata) => type switch
        {
            PrimitiveExpr { Name: "Any" } => false,
            PrimitiveExpr { Name: "Bytes" } => !metadata,
            PrimitiveExpr => true,
            ArrayExpr { Element: PrimitiveExpr { Name: not "Any" } } => http && !metadata,
            _ => false,
        };

        /// <summary>A payload, streamed item or result type, honouring the gRPC and HTTP kinds not yet fixed.</summary>
        private TypeExpr MessageType(bool http, bool grpc, bool isBody)
        {
            while (true)
            {
                TypeExpr type = draw.Weighted((3, 0), (3, 1), (3, 2), (2, 3), (1, 4)) switch
                {
                    0 => Primitive(),
                    1 when _typeIndex.Count > 0 => new NamedExpr(draw.Pick(_typeIndex.Keys.ToList())),
                    1 or 2 => new InlineExpr(Object(int.MaxValue, 1, 0, null)),
                    3 => new ArrayExpr(CollectionElement(int.MaxValue, 1)),
                    _ => new MapExpr(new PrimitiveExpr(draw.Pick(MapKeys)), CollectionElement(int.MaxValue, 1)),
                };
                if (grpc && !Allows(FailureKinds.GrpcCollection) && type is ArrayExpr or MapExpr)
                {
                    continue;
                }

                if (isBody && !Allows(FailureKinds.HttpValueTypeBody) && IsValueType(type))
                {
                    continue;
                }

                if (isBody && !Allows(FailureKinds.HttpCollectionOfUserTypes) && type is ArrayExpr { Element: NamedExpr } or MapExpr { Value: NamedExpr })
                {
                    continue;
                }

                if (!Allows(FailureKinds.AnyInScaffold) && ContainsAny(type))
                {
                    continue;
                }

                return type;
            }
        }

        /// <summary>Any as the type, or inside its collections (not inside objects, which are records of their own).</summary>
        private static bool ContainsAny(TypeExpr type) => type switch
        {
            PrimitiveExpr { Name: "Any" } => true,
            ArrayExpr array => ContainsAny(array.Element),
            MapExpr map => ContainsAny(map.Value),
            _ => false,
        };

        private static bool IsBytes(TypeExpr type) => type is PrimitiveExpr { Name: "Bytes" };

        private static bool IsValueType(TypeExpr type) => type is PrimitiveExpr { Name: not ("String" or "Bytes" or "Any") };

        private RefSpec ResultRef(bool http, bool grpc, bool sseFields = false)
        {
            while (true)
            {
                var type = sseFields && draw.Chance(0.7) ? new InlineExpr(SseResult()) : MessageType(http, grpc, isBody: false);
                if (http && !Allows(FailureKinds.HttpValueTypeResult) && IsValueType(type))
                {
                    continue;
                }

                var view = type is NamedExpr named && _types[_typeIndex[named.Name]] is { IsResultType: true } resultType && draw.Chance(0.4)
                    ? draw.Pick(resultType.Views?.Select(v => v.Name).ToList() ?? ["default"])
                    : null;
                return new RefSpec(type, view);
            }
        }

        private ObjectSpec SseResult()
        {
            var scope = new NameScope(this);
            var fields = FieldNumbers(4);
            var attributes = new List<AttributeSpec>
            {
                new(scope.AttributeName(null, []), new PrimitiveExpr(draw.Pick(["String", "Int64", "Int32", "UInt"])), fields[0], []),
                new(scope.AttributeName(null, []), new PrimitiveExpr(draw.Pick(["String", "Int"])), fields[1], []),
                new(scope.AttributeName(null, []), new PrimitiveExpr(draw.Pick(Integers.Where(i => Allows(FailureKinds.SseRetryUInt64) || i != "UInt64").ToList())), fields[2], []),
                new(scope.AttributeName(null, []), Primitive(), fields[3], []),
            };
            return new ObjectSpec(attributes, draw.Subset(attributes.Select(a => a.Name), 0.5));
        }

        private HttpSpec Http(
            int serviceIndex, int methodIndex, string verb, RefSpec? payload, RefSpec? result, Shape shape, bool sse, bool rawRequest, bool rawResponse, List<ErrorSpec> declared)
        {
            var path = $"/s{serviceIndex}m{methodIndex}" + (draw.Chance(0.2) ? draw.Pick(["/x-y.z~", "/deep/er", "/v1"]) : "");
            var parameters = new List<string>();
            var headers = new List<KeyValuePair<string, string>>();
            string? body = null;
            string? lastEventId = null;
            var bodiless = verb == "GET" || shape != Shape.Unary || rawRequest;
            if (payload is not null && ObjectOf(payload.Type) is { } payloadObject)
            {
                var unplaced = new List<AttributeSpec>();
                foreach (var attribute in payloadObject.Attributes)
                {
                    var primitive = attribute.Type is PrimitiveExpr { Name: not "Any" };
                    if (sse && lastEventId is null && attribute.Type is PrimitiveExpr { Name: "String" } && draw.Chance(0.5))
                    {
                        lastEventId = attribute.Name;
                        continue;
                    }

                    var placeable = IsPlaceable(attribute.Type, true, false);
                    var inPath = primitive && CSharpNaming.IsDesignIdentifier(attribute.Name) && (Allows(FailureKinds.HttpBytesPathParameter) || !IsBytes(attribute.Type));
                    var place = draw.Weighted((inPath ? 2 : 0, 0), (placeable ? 2 : 0, 1), (placeable ? 2 : 0, 2), (bodiless ? 0 : 3, 3));
                    switch (place)
                    {
                        case 0:
                            path += "/{" + attribute.Name + "}";
                            break;
                        case 1:
                            parameters.Add(attribute.Name);
                            break;
                        case 2:
                            headers.Add(new(attribute.Name, draw.Chance(0.1) && headers.All(h => h.Value != "Authorization") ? "Authorization" : $"X-H{headers.Count}-{serviceIndex}"));
                            break;
                        default:
                            unplaced.Add(attribute);
                            break;
                    }
                }

                if (unplaced.Count == 1 && draw.Chance(0.5) && (Allows(FailureKinds.HttpAnyBody) || unplaced[0].Type is not PrimitiveExpr { Name: "Any" }) && (Allows(FailureKinds.HttpValueTypeBody) || !IsValueType(unplaced[0].Type)) && (Allows(FailureKinds.HttpCollectionOfUserTypes) || unplaced[0].Type is not (ArrayExpr { Element: NamedExpr } or MapExpr { Value: NamedExpr })))
                {
                    body = unplaced[0].Name;
                }
            }

            var responseHeaders = new List<KeyValuePair<string, string>>();
            if (shape == Shape.Unary && result is not null && ObjectOf(result.Type) is { } resultObject)
            {
                foreach (var attribute in resultObject.Attributes.Where(a => a.Type is PrimitiveExpr { Name: not ("Any" or "Bytes") }))
                {
                    if (draw.Chance(0.25) && (responseHeaders.Count == 0 || Allows(FailureKinds.TwoResponseHeaders)))
                    {
                        responseHeaders.Add(new(attribute.Name, $"X-R{responseHeaders.Count}"));
                    }
                }
            }

            SseSpec? sseSpec = null;
            if (sse)
            {
                var fields = result is null ? null : ObjectOf(result.Type);
                string? Field(Func<TypeExpr, bool> fits) => fields?.Attributes.Where(a => fits(a.Type)).Select(a => a.Name).FirstOrDefault(_ => draw.Chance(0.7));
                sseSpec = new SseSpec(
                    Field(t => t is PrimitiveExpr { Name: var n } && (n == "String" || Integers.Contains(n))),
                    Field(t => t is PrimitiveExpr { Name: var n } && (n == "String" || Integers.Contains(n))),
                    Field(t => t is PrimitiveExpr { Name: var n } && Integers.Contains(n) && (Allows(FailureKinds.SseRetryUInt64) || n != "UInt64")),
                    lastEventId);
            }

            int? status = shape != Shape.Unary ? null : draw.Weighted((4, (int?)null), (2, 200), (1, 201), (1, 202), (result is null ? 1 : 0, 204));
            return new HttpSpec(
                verb,
                path,
                parameters,
                headers,
                body,
                status,
                responseHeaders,
                draw.Subset(declared, 0.5).Select(e => new KeyValuePair<string, int>(e.Name, draw.Pick(ErrorStatuses))).ToList(),
                sseSpec,
                rawRequest,
                rawResponse,
                rawResponse && draw.Chance(0.5) ? "text/plain; charset=utf-8" : null);
        }

        private ObjectSpec? ObjectOf(TypeExpr type) => type switch
        {
            InlineExpr inline => inline.Object,
            NamedExpr named => _types.Count > _typeIndex[named.Name] ? _types[_typeIndex[named.Name]].Object : null,
            _ => null,
        };

        // ---- names ----

        /// <summary>Names of one scope: unique after PascalCase where the format says so (SG1007).</summary>
        private sealed class NameScope(Builder builder)
        {
            private readonly HashSet<string> _pascal = new(StringComparer.Ordinal);

            private Draw Draw => builder.Random;

            public string Word()
            {
                while (true)
                {
                    var name = Candidate(NamePools.Words);
                    if (_pascal.Add(CSharpNaming.ToPascalCase(name)))
                    {
                        return name;
                    }
                }
            }

            public string TypeName()
            {
                while (true)
                {
                    var name = Draw.Weighted(
                        (8, Draw.Pick(NamePools.TypeWords)),
                        (builder.Allows(FailureKinds.FrameworkTypeNames) ? 2 : 0, Draw.Pick(NamePools.FrameworkTypes)),
                        (builder.Allows(FailureKinds.RuntimeTypeNames) ? 1 : 0, Draw.Pick(NamePools.RuntimeTypes)),
                        (builder.Allows(FailureKinds.JsonContextMemberNames) ? 1 : 0, Draw.Pick(NamePools.JsonContextMembers)),
                        (2, Candidate(NamePools.Words)));
                    var pascal = CSharpNaming.ToPascalCase(name);
                    if (name is "ArrayOf" or "MapOf" || StreamGen.Design.Types.PrimitiveKinds.TryParse(name, out _)
                        || (!builder.Allows(FailureKinds.FrameworkTypeNames) && NamePools.FrameworkTypes.Contains(pascal))
                        || (!builder.Allows(FailureKinds.GoogleTypeName) && pascal == "Google")
                        || (!builder.Allows(FailureKinds.RuntimeTypeNames) && NamePools.RuntimeTypes.Contains(pascal))
                        || (!builder.Allows(FailureKinds.JsonContextMemberNames) && NamePools.JsonContextMembers.Contains(pascal))
                        || (!builder.Allows(FailureKinds.LowercaseBuiltInTypeNames) && NamePools.BuiltInTypes.Contains(pascal, StringComparer.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    if (_pascal.Add(CSharpNaming.ToPascalCase(name)))
                    {
                        return name;
                    }
                }
            }

            public string ServiceName(IEnumerable<string> typeNames)
            {
                while (true)
                {
                    var name = builder.Allows(FailureKinds.ServiceNamedLikeType) && Draw.Chance(0.15) && typeNames.Any()
                        ? Draw.Pick(typeNames.ToList()).ToLowerInvariant()
                        : Draw.Chance(0.7) ? Draw.Pick(NamePools.ServiceWords) : Candidate(NamePools.Words);
                    if ((!builder.Allows(FailureKinds.ServiceNamedLikeType) && typeNames.Any(t => CSharpNaming.ToPascalCase(t) == CSharpNaming.ToPascalCase(name)))
                        || !builder.ProtoCarries(name) || !builder.ProtocCarries(name) || typeNames.Any(t => ServiceTypes(name).Contains(CSharpNaming.ToPascalCase(t))))
                    {
                        continue;
                    }

                    if (_pascal.Add(CSharpNaming.ToPascalCase(name)))
                    {
                        return name;
                    }
                }
            }

            /// <summary>The public types a service generates: a design type of one of these names is SG1008 (both are design elements).</summary>
            private static HashSet<string> ServiceTypes(string service)
            {
                var p = CSharpNaming.ToPascalCase(service);
                return new(StringComparer.OrdinalIgnoreCase) { $"I{p}Service", $"I{p}Client", $"{p}Service", $"{p}Errors", $"{p}HttpEndpoints", $"Map{p}", $"{p}HttpClient", $"{p}GrpcService", $"{p}GrpcClient" };
            }

            public string MethodName(string service)
            {
                while (true)
                {
                    var name = Draw.Chance(0.7) ? Draw.Pick(NamePools.MethodWords)
                        : builder.Allows(FailureKinds.RuntimeTypeNames) && Draw.Chance(0.05) ? Draw.Pick(NamePools.RuntimeMethodNames)
                        : Candidate(NamePools.Words);
                    if ((!builder.Allows(FailureKinds.RuntimeTypeNames) && NamePools.RuntimeMethodNames.Contains(name.ToLowerInvariant())) || !builder.ProtoCarries(name) || !builder.ProtocCarries(name, service))
                    {
                        continue;
                    }

                    if (_pascal.Add(CSharpNaming.ToPascalCase(name)))
                    {
                        return name;
                    }
                }
            }

            public string AttributeName(string? enclosingType, IEnumerable<string> typeNames, Func<string, bool>? admits = null)
            {
                while (true)
                {
                    var name = Candidate(NamePools.Words);
                    if (builder.Allows(FailureKinds.AttributeNamedLikeType) && Draw.Chance(0.08))
                    {
                        var types = typeNames.ToList();
                        name = enclosingType is not null && Draw.Chance(0.5) ? enclosingType : types.Count > 0 ? Draw.Pick(types) : name;
                        name = Draw.Chance(0.5) ? name.ToLowerInvariant() : name;
                    }

                    if (admits is not null && !admits(name))
                    {
                        continue;
                    }

                    if (!builder.Allows(FailureKinds.FieldNamedLikeMessage) && enclosingType is not null && CSharpNaming.ToPascalCase(name) == CSharpNaming.ToPascalCase(enclosingType))
                    {
                        continue;
                    }

                    if (_pascal.Add(CSharpNaming.ToPascalCase(name)) && (builder.Allows(FailureKinds.ProtoFieldCasingCollision) || _pascal.Add("proto:" + name.ToLowerInvariant().Replace("_", "", StringComparison.Ordinal))))
                    {
                        return name;
                    }
                }
            }

            /// <summary>A word, or a hostile name from a pool whose kind is not a known failure.</summary>
            private string Candidate(IReadOnlyList<string> words) => Draw.Weighted(
                (20, Draw.Pick(words)),
                (builder.Allows(FailureKinds.CSharpKeywordNames) ? 3 : 0, Draw.Pick(NamePools.CSharpKeywords)),
                (builder.Allows(FailureKinds.ContextualKeywordNames) ? 2 : 0, Draw.Pick(NamePools.ContextualKeywords)),
                (builder.Allows(FailureKinds.ProtoKeywordNames) ? 2 : 0, Draw.Pick(NamePools.ProtoKeywords)),
                (builder.Allows(FailureKinds.GeneratedLocalNames) ? 3 : 0, Draw.Pick(NamePools.GeneratedLocals)),
                (builder.Allows(FailureKinds.GeneratedMemberNames) ? 1 : 0, Draw.Pick(NamePools.GeneratedMembers)),
                (builder.Allows(FailureKinds.ProtocMemberNames) ? 1 : 0, Draw.Pick(NamePools.ProtocMembers)),
                (builder.Allows(FailureKinds.ViewMemberNames) ? 1 : 0, Draw.Pick(NamePools.ViewMembers)),
                (builder.Allows(FailureKinds.NonAsciiNames) ? 1 : 0, Draw.Pick(NamePools.NonAscii)));
        }
    }
}
