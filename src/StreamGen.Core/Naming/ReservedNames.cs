namespace StreamGen.Naming;

/// <summary>
/// Names fixed outside the design, which a design name must not take where they meet it. Each list says where it
/// comes from; the tests that compile generated code check the first and the last lists are complete.
/// </summary>
public static class ReservedNames
{
    /// <summary>
    /// Type and namespace names that the generated code, the runtime and the scaffolded stubs write unqualified (through
    /// a <c>using</c> or an implicit using). A type of the API namespace with one of these names would hide it there and
    /// in every namespace under it, the runtime's included. The compile tests collect them from the generated code with
    /// Roslyn and fail when this list misses one.
    /// </summary>
    public static IReadOnlySet<string> UnqualifiedTypeNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // The BCL and ASP.NET Core through the files' usings: the names a hand-written file would not qualify either.
        // Everything else is qualified through an alias no design name can hide: gRPC's GrpcCore::, protobuf's Protobuf::, the
        // runtime's Runtime::, and protoc's types through the API namespace's own Protos namespace.
        "Action", "ArrayBufferWriter", "CancellationToken", "DateTime", "Dictionary", "Exception", "GeneratedCode", "GeneratedRegex", "HttpClient",
        "HttpContext", "HttpMethod", "HttpRequestMessage", "HttpResponseMessage", "IEndpointRouteBuilder", "ILogger", "IReadOnlyDictionary",
        "IReadOnlyList", "JsonContent", "JsonConverter", "JsonDocument", "JsonElement", "JsonIgnoreCondition", "JsonPropertyName", "JsonSerializable",
        "JsonSerializerContext", "JsonSerializerOptions", "JsonSourceGenerationOptions", "JsonStringEnumMemberName", "JsonTypeInfo", "NotSupportedException",
        "Regex", "RegexOptions", "RouteGroupBuilder", "Stream", "StreamContent", "Task", "TimeSpan", "Utf8JsonWriter", "WebApplication", "WebApplicationBuilder",

        // The security class and the authentication handler stubs (designs with api.security).
        "AuthenticationBuilder", "ClaimsIdentity", "ILoggerFactory", "IOptionsMonitor", "IServiceCollection", "UrlEncoder", "ValueTask",

        // protoc's C# for the .proto, in the API namespace's Protos namespace, names this one unqualified.
        "ClientBaseConfiguration",

        // The scaffolded service stub: the runtime's error type, through its using; the interceptor stubs' next delegate.
        "ServiceError", "InterceptorNext",
    };

    /// <summary>The namespaces generated under the API namespace: the runtime's and protoc's.</summary>
    public static IReadOnlyList<string> ChildNamespaces { get; } = ["Runtime", "Protos"];

    /// <summary>Members every class has from <c>object</c>.</summary>
    public static IReadOnlyList<string> ObjectMembers { get; } = ["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    /// <summary>
    /// The members of <see cref="ObjectMembers"/> a class inherits without declaring them: a property of that name hides
    /// one (protoc's, CS0108), but a type may take it (a record <c>GetType</c> is fine).
    /// </summary>
    public static IReadOnlyList<string> InheritedObjectMembers { get; } = ["GetType", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    /// <summary>
    /// Members a generated record declares (C#'s synthesized ones, and <c>Validate</c>): a type of that name would declare
    /// a member named like itself (CS0542), so it is renamed. <c>Clone</c> is not one: C# names the record's clone method
    /// <c>&lt;Clone&gt;$</c>.
    /// </summary>
    public static IReadOnlyList<string> DeclaredRecordMembers { get; } = ["Equals", "GetHashCode", "ToString", "EqualityContract", "PrintMembers", "Deconstruct", "Validate"];

    /// <summary>Members C# declares in every record (a property named <c>Clone</c> is CS8859), and the generated <c>Validate</c>.</summary>
    public static IReadOnlyList<string> RecordMembers { get; } = [.. ObjectMembers, "EqualityContract", "PrintMembers", "Deconstruct", "Clone", "Validate"];

    /// <summary>Members the generator adds to a result type with views.</summary>
    public static IReadOnlyList<string> ViewMembers { get; } = ["Project", "ValidateView"];

    /// <summary>
    /// Members of the JSON context and reader classes beside one property per entry: JsonSerializerContext's, the
    /// reader's own, and <c>ErrorResult</c>, the runtime's entry.
    /// </summary>
    public static IReadOnlyList<string> JsonContextMembers { get; } = [.. ObjectMembers, "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "CreateOptions", "ErrorResult"];

    /// <summary>
    /// Members protoc's C# plugin declares in every message; a field property with one of these names gets a trailing
    /// '_' (csharp_helpers.cc, GetPropertyName).
    /// </summary>
    public static IReadOnlySet<string> ProtocMessageMembers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Types", "Descriptor", "Equals", "ToString", "GetHashCode", "WriteTo", "Clone", "CalculateSize", "MergeFrom", "OnConstruction", "Parser",
    };

    /// <summary>
    /// Parameters and locals the templates declare by fixed name in the methods of services, endpoints and clients. Names the model derives from design names for locals
    /// (<c>topic</c>, <c>topicValue</c>) are allocated where these are taken, so no design name can shadow one. The
    /// compile tests collect every local and parameter of the generated code and fail when one is neither here nor the model's.
    /// </summary>
    public static IReadOnlyList<string> GeneratedLocals { get; } =
    [
        "_", "app", "args", "body", "builder", "call", "callInvoker", "cancellationToken", "channel", "configure", "connection", "context", "deadline",
        "e", "endpoints", "error", "errors", "eventValue", "group", "headers", "httpClient", "idValue", "innerException", "item", "kestrel", "logger",
        "message", "name", "options", "payload", "request", "requestBody", "requests", "requestStream", "response", "responseBody", "responses",
        "responseStream", "result", "service", "stream", "uri",
        // The security registration and the authentication handler stubs.
        "authentication", "credentials", "encoder", "key", "password", "scheme", "services", "username",
        // The interceptors' decorators, infos, views and stubs.
        "callType", "cancel", "info", "inner", "interceptedPayload", "interceptedResult", "interceptedStream", "interceptors", "method", "next",
        "part", "receiving", "sending", "streamingPayload", "streamingResult",
    ];

    /// <summary>
    /// Contextual keywords that are keywords inside the generated async methods, where the model's locals are declared: a
    /// query attribute <c>await</c> cannot bind a local <c>await</c> there (found by the property test).
    /// </summary>
    public static IReadOnlyList<string> AsyncKeywords { get; } = ["await"];

    /// <summary>
    /// Parameters and locals of a record's methods and of its mapper methods, where the locals a null check binds
    /// attributes to (<c>topicValue</c>) are declared.
    /// </summary>
    public static IReadOnlyList<string> RecordLocals { get; } =
        ["_", "compact", "document", "entry", "errors", "formatted", "item", "message", "name", "value", "view", "writer"];

    /// <summary>
    /// The roots of the namespaces the generated code and its users name (<c>System.Text.Json</c>, <c>Grpc.Core</c>): an API
    /// namespace with such a segment would hide them inside it.
    /// </summary>
    public static IReadOnlyList<string> NamespaceRoots { get; } = ["System", "Microsoft", "Google", "Grpc"];

    /// <summary>Whether a namespace named <paramref name="segment"/> would hide a name the generated code uses unqualified inside it.</summary>
    public static bool IsHiddenByNamespace(string segment) => UnqualifiedTypeNames.Contains(segment) || NamespaceRoots.Contains(segment);
}
