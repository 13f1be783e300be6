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
        // Namespaces named from their root (System.Net.Http.Json.JsonContent, Google.Protobuf.WellKnownTypes.Value).
        "System", "Microsoft", "Google",

        // The BCL, ASP.NET Core, gRPC and protobuf, in generated code and the runtime.
        "ArrayBufferWriter", "ArrayPool", "AsyncClientStreamingCall", "AsyncDuplexStreamingCall", "AsyncServerStreamingCall", "BinaryPrimitives",
        "BoundedChannelFullMode", "BoundedChannelOptions", "ByteString", "CallInvoker", "CancellationToken", "Channel", "ChannelBase",
        "ChannelClosedException", "ClientBaseConfiguration", "CultureInfo", "DateTimeStyles", "Encoding", "HttpClient", "HttpCompletionOption",
        "HttpContext", "HttpMethod", "HttpMethods", "HttpProtocols", "HttpRequestMessage", "HttpResponseMessage", "HttpStatusCode", "HttpVersion",
        "HttpVersionPolicy", "IAsyncStreamReader", "IBufferWriter", "IClientStreamWriter", "IConfiguration", "IEndpointRouteBuilder",
        "IHostApplicationLifetime", "IHostedService", "IHttpUpgradeFeature", "ILogger", "ILoggerFactory", "INumber", "IOptions", "IPAddress",
        "IServerStreamWriter", "JsonException", "JsonFormatter", "JsonSerializer", "JsonTypeInfo", "JsonWriterOptions", "KestrelServerOptions",
        "LogLevel", "LoggerMessage", "Metadata", "NumberStyles", "PathString", "PipeWriter", "Regex", "RouteGroupBuilder", "RpcException",
        "ServerCallContext", "Status", "StatusCode", "StatusCodes", "Stream", "StreamContent", "StringBuilder", "StringValues", "Task",
        "Utf8JsonWriter", "ValueWebSocketReceiveResult", "WebApplication", "WebApplicationBuilder", "WebSocket", "WebSocketCloseStatus",
        "WebSocketCreationOptions", "WebSocketError", "WebSocketException", "WebSocketMessageType", "WebSocketState", "WriteFlags", "WriteOptions",

        // The scaffolded service stub: short type names of handler signatures, and the runtime's error type.
        "IReadOnlyList", "IReadOnlyDictionary", "JsonElement", "ServiceError",
    };

    /// <summary>The namespaces generated under the API namespace: the runtime's and protoc's.</summary>
    public static IReadOnlyList<string> ChildNamespaces { get; } = ["Runtime", "Protos"];

    /// <summary>Members every class has from <c>object</c>.</summary>
    public static IReadOnlyList<string> ObjectMembers { get; } = ["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    /// <summary>Members C# declares in every record (a property named <c>Clone</c> is CS8859), and the generated <c>Validate</c>.</summary>
    public static IReadOnlyList<string> RecordMembers { get; } = [.. ObjectMembers, "EqualityContract", "PrintMembers", "Deconstruct", "Clone", "Validate"];

    /// <summary>Members the generator adds to a result type with views.</summary>
    public static IReadOnlyList<string> ViewMembers { get; } = ["Project", "ValidateView", "ViewName", "TryParseView"];

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
    /// (<c>pTopic</c>, <c>topicValue</c>) are allocated where these are taken, so no design name can shadow one. The
    /// compile tests collect every local and parameter of the generated code and fail when one is neither here nor the model's.
    /// </summary>
    public static IReadOnlyList<string> GeneratedLocals { get; } =
    [
        "_", "app", "args", "body", "builder", "call", "callInvoker", "cancellationToken", "channel", "configure", "connection", "console", "context",
        "contentType", "deadline", "document", "e", "endpoints", "entry", "error", "errors", "eventValue", "failure", "group", "headers", "headerValue", "httpClient", "idValue", "info", "innerException", "item",
        "kestrel", "level", "lifetime", "limit", "logger", "message", "name", "onStarted", "options", "path", "payload", "pending", "query",
        "property", "received", "request", "requests", "requestStream", "resourceName", "response", "responseBody", "responseHeaders", "responses", "responseStream", "result",
        "retryValue", "service", "services", "started", "stream", "transport", "uri", "url", "value", "view",
    ];

    /// <summary>
    /// Parameters and locals of a record's methods and of its mapper methods, where the locals a null check binds
    /// attributes to (<c>topicValue</c>) are declared.
    /// </summary>
    public static IReadOnlyList<string> RecordLocals { get; } =
        ["_", "compact", "document", "entry", "errors", "formatted", "item", "message", "name", "value", "view", "writer"];

    /// <summary>Whether a namespace named <paramref name="segment"/> would hide a name the generated code uses unqualified inside it.</summary>
    public static bool IsHiddenByNamespace(string segment) => UnqualifiedTypeNames.Contains(segment);
}
