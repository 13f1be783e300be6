namespace StreamGen.Tests.Properties;

/// <summary>
/// The names the design generator draws from. Ordinary words, and the names that break generators: C# and protobuf
/// keywords, the locals, parameters and members generated code declares, the members protoc's C# plugin adds, framework
/// type names used unqualified, non-ASCII letters. Pools that a known failure kind covers are drawn only when that kind
/// is not listed in Regressions/KnownFailures.txt.
/// </summary>
internal static class NamePools
{
    public static IReadOnlyList<string> Words { get; } =
    [
        "id", "name", "value2", "count", "items", "text", "flag", "kind", "size", "data", "tags", "level", "note", "title", "ratio",
        "score", "user", "room", "topic", "label", "amount", "price", "created_at", "updatedAt", "owner_id", "x", "y", "z2", "a1",
        "_hidden", "snake_case_name", "camelCaseName", "ALLCAPS", "with__double", "trailing_", "n0",
    ];

    public static IReadOnlyList<string> CSharpKeywords { get; } =
    [
        "class", "event", "string", "int", "object", "namespace", "params", "operator", "base", "this", "default", "new", "return",
        "public", "static", "void", "in", "out", "ref", "is", "as", "lock", "fixed", "checked", "delegate", "enum", "struct",
        "interface", "internal", "override", "virtual", "sealed", "abstract", "readonly", "const", "bool", "decimal", "double",
        "long", "null", "true", "false", "typeof", "sizeof", "goto", "case", "switch", "throw", "try", "catch", "finally", "using",
    ];

    public static IReadOnlyList<string> ContextualKeywords { get; } =
    [
        "var", "async", "await", "dynamic", "record", "get", "set", "init", "nameof", "when", "where", "yield", "partial", "global",
        "required", "file", "scoped", "with", "and", "or", "not", "select", "from", "args", "add", "remove", "field", "managed",
    ];

    public static IReadOnlyList<string> ProtoKeywords { get; } =
    [
        "message", "service", "rpc", "returns", "stream", "option", "package", "syntax", "import", "repeated", "optional", "map",
        "oneof", "reserved", "extend", "bytes", "float", "sint32", "sint64", "uint32", "int64", "fixed32", "max", "to", "weak",
        "group", "extensions", "google",
    ];

    /// <summary>Locals and parameters generated code declares: a design name must never shadow them.</summary>
    public static IReadOnlyList<string> GeneratedLocals { get; } =
    [
        "cancellationToken", "stream", "payload", "context", "result", "request", "response", "httpContext", "client", "options",
        "headers", "error", "writer", "reader", "json", "services", "builder", "app", "endpoints", "channel", "call", "metadata",
        "e", "ex", "item", "serializerOptions", "socket", "buffer", "query", "body", "cancellation", "status", "message2",
    ];

    /// <summary>Members records and result types get from C# or from the generator.</summary>
    public static IReadOnlyList<string> GeneratedMembers { get; } =
    [
        "Validate", "ThrowIfInvalid", "Equals", "GetHashCode", "ToString", "Deconstruct", "EqualityContract", "PrintMembers",
        "validate", "equals", "toString", "getType",
    ];

    /// <summary>Members protoc's C# plugin generates on every message, which it renames when a field takes their name.</summary>
    public static IReadOnlyList<string> ProtocMembers { get; } =
    [
        "types", "descriptor", "parser", "writeTo", "mergeFrom", "calculateSize", "clone", "extensions",
    ];

    /// <summary>Members result types get for views (<c>Project</c>, <c>ViewName</c>...).</summary>
    public static IReadOnlyList<string> ViewMembers { get; } =
    [
        "project", "viewName", "view", "views", "clone", "default_view",
    ];

    /// <summary>Framework type names the generated code uses unqualified.</summary>
    public static IReadOnlyList<string> FrameworkTypes { get; } =
    [
        "Task", "Stream", "Action", "Type", "Object", "Exception", "Program", "Http", "Json", "Grpc", "Runtime", "Status", "Metadata",
        "CancellationToken", "HttpContext", "WebSocket", "JsonSerializer", "IAsyncEnumerable", "List", "Dictionary", "Guid", "Regex",
        "Results", "Encoding", "Math", "Convert", "File", "Path", "Console", "Environment", "Channel", "Empty", "Value", "Any",
        "Google", "System", "Microsoft",
    ];

    /// <summary>Types of the generated runtime, and method names whose generated types (<c>ErrorResult</c>) are runtime types.</summary>
    public static IReadOnlyList<string> RuntimeTypes { get; } =
    [
        "ErrorResult", "ServiceError", "ValidationErrors", "Check", "Received", "StringFormat", "HttpErrors", "GrpcErrors", "StreamClosedException",
    ];

    /// <summary>Members of System.Text.Json's JsonSerializerContext, which the source generator's per-type properties must not take.</summary>
    public static IReadOnlyList<string> JsonContextMembers { get; } = ["Options", "Default", "GeneratedSerializerOptions", "GetTypeInfo"];

    /// <summary>.NET types that C# keywords stand for: <c>string</c> is a valid type name (only <c>String</c> is built in) and becomes one.</summary>
    public static IReadOnlyList<string> BuiltInTypes { get; } = ["String", "Object", "Boolean", "Bool", "Double", "Decimal", "Byte", "Char", "Single", "Int32", "Int64", "UInt32", "UInt64", "Int16"];

    public static IReadOnlyList<string> RuntimeMethodNames { get; } = ["error", "service", "validation"];

    public static IReadOnlyList<string> NonAscii { get; } =
    [
        "größe", "名前", "naïve", "épée", "ψ", "Ωmega", "ünits", "çaça", "ñandú", "ΑΒΓ", "данные",
    ];

    public static IReadOnlyList<string> TypeWords { get; } =
    [
        "Item", "Order", "Message", "Event", "Node", "Entry", "Summary", "Tick", "Record", "Bottle", "Sample", "Detail", "Point",
        "Tree", "Pair", "Wrapper", "Box", "Envelope", "Line", "Cell",
    ];

    public static IReadOnlyList<string> ServiceWords { get; } = ["orders", "chat", "logger", "store", "svc", "api_v2", "things", "events", "user_service", "inventory"];

    public static IReadOnlyList<string> MethodWords { get; } =
    [
        "get", "list", "create", "update", "delete", "watch", "upload", "download", "subscribe", "publish", "echo", "ping",
        "show", "add", "rate", "get_item", "getItem2", "stream_all", "close", "dispose", "run", "start",
    ];

    public static IReadOnlyList<string> ErrorWords { get; } = ["not_found", "bad_request", "timeout", "conflict", "unavailable", "invalid", "denied", "too_many", "gone"];

    public static IReadOnlyList<string> ViewWords { get; } = ["tiny", "full", "summary", "extended", "id_only", "compact"];
}
