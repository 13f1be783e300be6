namespace StreamGen.Model.TypeScript;

/// <summary>
/// A client method: its signature, the request it sends (route, query, headers, body) and how it reads the answer: a
/// WebSocket stream, a Server-Sent Events stream, a raw response, a JSON result, or nothing.
/// </summary>
public sealed record TypeScriptMethodModel
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    /// <summary><c>payload: SubscribePayload, options?: CallOptions</c>.</summary>
    public required string Parameters { get; init; }

    /// <summary><c>Promise&lt;ServerStream&lt;SubscribeResult&gt;&gt;</c>.</summary>
    public required string ReturnType { get; init; }

    public required bool HasPayload { get; init; }

    public required string PayloadTypeName { get; init; }

    public required string PayloadRule { get; init; }

    public required string VerbLiteral { get; init; }

    /// <summary>The schemes of the method's security as <c>SchemeRule</c> literals (<c>[{ name: "api_key", kind: "apiKey", header: "X-API-Key" }]</c>), or null when it is open.</summary>
    public string? SecurityLiteral { get; init; }

    public bool HasSecurity => SecurityLiteral is not null;

    /// <summary>
    /// The credentials the payload carries, by scheme (<c>{ "jwt": checked.token, "basic": pair(checked.user, checked.pass) }</c>),
    /// sent ahead of the client's; null when no payload attribute carries one.
    /// </summary>
    public string? OwnCredentialsLiteral { get; init; }

    public bool HasOwnCredentials => OwnCredentialsLiteral is not null;

    /// <summary>How the method runs the client's interceptors, or null when none runs on it.</summary>
    public TypeScriptInterceptionModel? Interception { get; init; }

    public bool IsIntercepted => Interception is not null;

    /// <summary>What the public method's promise resolves to (<c>RecentResult</c>, <c>ServerStream&lt;LogRecord&gt;</c>), for the intercepted wrapper.</summary>
    public string Answer => ReturnType["Promise<".Length..^1];

    public bool AnswersVoid => Answer == "void";

    /// <summary>The private method's arguments from the intercepted wrapper: the intercepted payload, the raw body, the options.</summary>
    public string InterceptedArguments => string.Join(", ", new[] { HasPayload ? "intercepted" : null, Body == TypeScriptBodyKind.Raw ? "body" : null, "options" }.OfType<string>());

    /// <summary>The same arguments untouched, when the client has no interceptors.</summary>
    public string ForwardArguments => string.Join(", ", new[] { HasPayload ? "payload" : null, Body == TypeScriptBodyKind.Raw ? "body" : null, "options" }.OfType<string>());

    /// <summary>The payload carries a Basic username and password (the module imports <c>pair</c>).</summary>
    public bool PairsBasicCredentials { get; init; }

    /// <summary>The route, literal text and payload attributes escaped as path segments.</summary>
    public required IReadOnlyList<TypeScriptSegmentModel> Path { get; init; }

    public required IReadOnlyList<TypeScriptParameterModel> Query { get; init; }

    /// <summary>Header parameters, Last-Event-ID included.</summary>
    public required IReadOnlyList<TypeScriptParameterModel> Headers { get; init; }

    public required TypeScriptBodyKind Body { get; init; }

    /// <summary>For an attribute body, how the payload's attribute is read (<c>checked.title</c>).</summary>
    public required string BodyAccess { get; init; }

    /// <summary>For a partial body, the attributes it carries.</summary>
    public required IReadOnlyList<TypeScriptParameterModel> BodyProperties { get; init; }

    public required TypeScriptCallKind Call { get; init; }

    /// <summary>What a stream sends (<c>never</c> when it sends nothing) and its rule (<c>undefined</c>).</summary>
    public required string SendTypeName { get; init; }

    public required string SendRule { get; init; }

    /// <summary>What a stream receives, or a unary call returns (<c>never</c> / <c>undefined</c> when nothing).</summary>
    public required string ReceiveTypeName { get; init; }

    public required string ReceiveRule { get; init; }

    /// <summary>The view the method always renders, as a literal, or <c>undefined</c>.</summary>
    public required string FixedViewLiteral { get; init; }

    /// <summary>A Server-Sent Events stream resumes with Last-Event-ID when the design maps it to a payload attribute.</summary>
    public required string ResumesLiteral { get; init; }

    public required string ResultHasBodyLiteral { get; init; }

    /// <summary>Result attributes read from response headers.</summary>
    public required IReadOnlyList<TypeScriptResponseHeaderModel> ResponseHeaders { get; init; }

    public bool HasQuery => Query.Count > 0;

    public bool HasHeaders => Headers.Count > 0;

    public bool IsWebSocket => Call == TypeScriptCallKind.WebSocket;

    public bool IsServerSentEvents => Call == TypeScriptCallKind.ServerSentEvents;

    public bool IsRawResponse => Call == TypeScriptCallKind.RawResponse;

    public bool IsJsonLines => Call == TypeScriptCallKind.JsonLines;

    public bool IsJsonLinesUpload => Call == TypeScriptCallKind.JsonLinesUpload;

    public bool IsResult => Call == TypeScriptCallKind.Result;

    public bool IsNoContent => Call == TypeScriptCallKind.NoContent;

    public bool HasWholeBody => Body == TypeScriptBodyKind.Whole;

    public bool HasAttributeBody => Body == TypeScriptBodyKind.Attribute;

    public bool HasPartialBody => Body == TypeScriptBodyKind.Partial;

    public bool HasRawBody => Body == TypeScriptBodyKind.Raw;
}

/// <summary>How a client method reads its answer.</summary>
public enum TypeScriptCallKind
{
    WebSocket,
    ServerSentEvents,

    /// <summary>A server stream read as JSON Lines (<c>jsonLines: true</c>).</summary>
    JsonLines,

    /// <summary>A client stream sent as a JSON Lines request body (<c>jsonLines: true</c>).</summary>
    JsonLinesUpload,
    RawResponse,
    Result,
    NoContent,
}

/// <summary>What a request's body is: none, the whole payload as JSON, one attribute, the attributes sent nowhere else, or the caller's raw body.</summary>
public enum TypeScriptBodyKind
{
    None,
    Whole,
    Attribute,
    Partial,
    Raw,
}

/// <summary>A piece of a route: literal text (as a string literal) or a payload attribute to escape.</summary>
public sealed record TypeScriptSegmentModel(string Literal, string? Access)
{
    public bool IsParameter => Access is not null;
}

/// <summary>A payload attribute sent as a query parameter, header or body property: the key and how the payload is read.</summary>
public sealed record TypeScriptParameterModel(string KeyLiteral, string Key, string Access);

/// <summary>A result attribute read from a response header, with its type rule.</summary>
public sealed record TypeScriptResponseHeaderModel(string AttributeLiteral, string HeaderLiteral, string Rule);
