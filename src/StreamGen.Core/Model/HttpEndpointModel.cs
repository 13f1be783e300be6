using StreamGen.Design;

namespace StreamGen.Model;

/// <summary>The HTTP route of a method and where each payload and result attribute travels.</summary>
public sealed record HttpEndpointModel
{
    public required HttpVerb HttpVerb { get; init; }

    /// <summary>The endpoint class's request handler (<c>HandleSubscribeAsync</c>).</summary>
    public required string HandlerName { get; init; }

    /// <summary>The endpoint class's method that reads the payload from the request (<c>DecodeSubscribe</c>, <c>DecodeCreateAsync</c> with a JSON body).</summary>
    public required string DecodeName { get; init; }

    /// <summary>The endpoint class's status table the method's errors map through (<c>ErrorStatus</c>, one per distinct mapping of the service).</summary>
    public required string ErrorStatusName { get; init; }

    /// <summary>The endpoint class's stream class for a streaming method: a WebSocket or Server-Sent Events kind of the runtime.</summary>
    public required StreamClassModel? ServerStream { get; init; }

    /// <summary>The HTTP client's stream class for a streaming method.</summary>
    public required StreamClassModel? ClientStream { get; init; }

    /// <summary>The method token (<c>GET</c>), as routing takes it.</summary>
    public string Verb => HttpVerb.Token();

    /// <summary>The <see cref="System.Net.Http.HttpMethod"/> property for the verb (<c>Get</c>).</summary>
    public string VerbMember => Verb[..1] + Verb[1..].ToLowerInvariant();

    /// <summary>The full route, service base path included, as ASP.NET Core routing reads it.</summary>
    public required string Route { get; init; }

    public required string RouteLiteral { get; init; }

    /// <summary>The route as a C# interpolated-string body for clients: <c>/logs/{Uri.EscapeDataString(payload.Topic)}/stream</c>.</summary>
    public required IReadOnlyList<RouteSegmentModel> RouteSegments { get; init; }

    public required IReadOnlyList<ParameterModel> PathParameters { get; init; }

    public required IReadOnlyList<ParameterModel> QueryParameters { get; init; }

    public required IReadOnlyList<ParameterModel> HeaderParameters { get; init; }

    /// <summary>The payload attributes that carry credentials, read from the request once authentication admitted it.</summary>
    public IReadOnlyList<PayloadCredentialModel> Credentials { get; init; } = [];

    /// <summary>The payload attribute filled from <c>Last-Event-ID</c>.</summary>
    public required ParameterModel? LastEventId { get; init; }

    /// <summary>How the request body maps to the payload; null when the request has no body.</summary>
    public required BodyModel? RequestBody { get; init; }

    /// <summary>How the response body maps to the result; null when it has none.</summary>
    public required BodyModel? ResponseBody { get; init; }

    public required IReadOnlyList<ResponseHeaderModel> ResponseHeaders { get; init; }

    public required int SuccessStatus { get; init; }

    public required IReadOnlyList<ErrorStatusModel> Errors { get; init; }

    public required SseModel? Sse { get; init; }

    public required bool IsRawRequest { get; init; }

    public required bool IsRawResponse { get; init; }

    public required string RawResponseContentTypeLiteral { get; init; }

    /// <summary>Served over a WebSocket: a streaming method that is neither SSE nor JSON Lines.</summary>
    public required bool IsWebSocket { get; init; }

    /// <summary>
    /// Streamed as JSON Lines alone (<c>jsonLines: true</c>): a server stream's results as the response body, or a
    /// client stream's payloads as the request body.
    /// </summary>
    public required bool IsJsonLines { get; init; }

    /// <summary>
    /// The client sets headers on the request that opens the call or the stream (header parameters, Last-Event-ID,
    /// credentials): a stream's client declares them once, in <see cref="AddHeadersName"/>, for whichever framing it opens.
    /// </summary>
    public required bool AddsRequestHeaders { get; init; }

    /// <summary>The stream client's local function that adds the request headers (see <see cref="AddsRequestHeaders"/>).</summary>
    public string AddHeadersName => "AddHeaders";

    /// <summary>What a stream client passes the runtime's open call for the headers: <see cref="AddHeadersName"/>, or <c>null</c>.</summary>
    public string AddHeadersArgument => AddsRequestHeaders ? AddHeadersName : "null";

    /// <summary>For a streaming method: its own framing (the one a client gets unless told otherwise).</summary>
    public required HttpFramingModel? Framing { get; init; }

    /// <summary>The framings the route answers besides its own: JSON Lines and a WebSocket upgrade for a server stream with <c>serverSentEvents</c>.</summary>
    public required IReadOnlyList<HttpFramingModel> OtherFramings { get; init; }

    /// <summary>The endpoint class's generic method serving whichever framing the request picked (<c>ServeEventsAsync</c>).</summary>
    public required string? ServeName { get; init; }

    public bool HasOtherFramings => OtherFramings.Count > 0;

    public bool HasQuery => QueryParameters.Count > 0;

    public bool HasHeaders => HeaderParameters.Count > 0;

    public bool HasRequestBody => RequestBody is not null;

    public bool HasResponseBody => ResponseBody is not null;

    /// <summary>The payload is read with an await: it has a JSON body.</summary>
    public bool DecodesAsync => RequestBody is not null;

    /// <summary>The payload is built from a partial body record's attributes, which exist only once the body decoded.</summary>
    public bool DecodesPartialBody => RequestBody?.IsPartial == true;

    public IEnumerable<ParameterModel> AllParameters =>
        PathParameters.Concat(QueryParameters).Concat(HeaderParameters).Concat(LastEventId is null ? [] : [LastEventId]);
}

/// <summary>A piece of a route for a client building the URL: literal text, or a path parameter to escape.</summary>
public sealed record RouteSegmentModel(string Literal, ParameterModel? Parameter)
{
    public bool IsParameter => Parameter is not null;

    public string LiteralText => CSharpLiterals.String(Literal);
}

/// <summary>A payload attribute read from the path, the query string or a header.</summary>
public sealed record ParameterModel
{
    public required PropertyModel Property { get; init; }

    /// <summary>The route parameter, query key or header name.</summary>
    public required string Key { get; init; }

    public required string KeyLiteral { get; init; }

    /// <summary>Runtime parse method for one raw value (<c>ParseInt32</c>); with <see cref="IsArray"/>, per item.</summary>
    public required string ParseMethod { get; init; }

    /// <summary>Runtime format method for one value, used by clients (<c>FormatInt32</c>).</summary>
    public required string FormatMethod { get; init; }

    public required bool IsArray { get; init; }

    public required string ElementTypeName { get; init; }

    /// <summary>For arrays: the runtime method that parses each value (<c>ParseValueArray</c> or <c>ParseReferenceArray</c>).</summary>
    public required string ArrayParseMethod { get; init; }

    public required string LocalName { get; init; }

    /// <summary>For a path parameter that is a whole segment: its position counted from the route's end (1 = last).</summary>
    public int? SegmentFromEnd { get; init; }

    /// <summary>The server's expression for the raw text of a path parameter (<c>context.Request.RouteValues["id"] as string</c>, or the raw target's segment).</summary>
    public string RawPathValue => SegmentFromEnd is { } fromEnd
        ? $"Runtime::HttpParameters.PathValue(context, {KeyLiteral}, {fromEnd.ToString(System.Globalization.CultureInfo.InvariantCulture)})"
        : $"context.Request.RouteValues[{KeyLiteral}] as string";

    /// <summary>The client's expression for the value as a path segment (<c>Runtime::Parameters.FormatInt32(payload.Id)</c>).</summary>
    public required string SegmentValue { get; init; }

    public bool IsValueType => Property.Type.IsValueType;

    public bool IsRequired => Property.IsRequired;

    /// <summary>
    /// Absence is an error only for scalars: an empty array has no query-string or header form (it is just absent), so a
    /// required array parameter that is absent reads as empty and is checked by minItems like any other.
    /// </summary>
    public bool MustBePresent => IsRequired && !IsArray;

    public bool IsNullable => Property.IsNullable;

    public bool HasDefault => Property.HasDefault;

    /// <summary>A string: its text form is itself.</summary>
    public bool IsText => (Property.Type.Element ?? Property.Type).Primitive == Design.Types.PrimitiveKind.String;
}

/// <summary>
/// A body: either the whole payload/result type, or a generated body record holding the attributes that do not
/// travel elsewhere (Goa's request/response body types).
/// </summary>
public sealed record BodyModel
{
    /// <summary>The C# type read or written as the body.</summary>
    public required string TypeName { get; init; }

    public required string JsonInfoName { get; init; }

    /// <summary>The body is the whole payload/result (no attribute travels elsewhere).</summary>
    public required bool IsWhole { get; init; }

    /// <summary>The body is one attribute of the payload (<c>body: entry</c>).</summary>
    public required PropertyModel? Attribute { get; init; }

    /// <summary>Otherwise: the attributes the body record carries, copied to and from the payload/result.</summary>
    public required IReadOnlyList<PropertyModel> Properties { get; init; }

    /// <summary>The generated body record, for a body of some attributes only (Goa's request/response body types).</summary>
    public required TypeModel? Record { get; init; }

    public bool IsAttribute => Attribute is not null;

    public bool IsPartial => !IsWhole && Attribute is null;
}

public sealed record ResponseHeaderModel(PropertyModel Property, string Header, string HeaderLiteral, string FormatMethod, string ParseMethod)
{
    /// <summary>A string: the header is the value itself.</summary>
    public bool IsText => Property.Type.Primitive == Design.Types.PrimitiveKind.String;
}

public sealed record ErrorStatusModel(string NameLiteral, int Status);

/// <summary>How a server stream renders as Server-Sent Events.</summary>
public sealed record SseModel
{
    public required SseFieldModel? Id { get; init; }

    public required SseFieldModel? Event { get; init; }

    public required SseFieldModel? Retry { get; init; }

    public bool HasId => Id is not null;

    public bool HasEvent => Event is not null;

    public bool HasRetry => Retry is not null;

    /// <summary>Some attribute fills a line beside <c>data:</c>, so the stream class says how.</summary>
    public bool HasFields => Id is not null || Event is not null || Retry is not null;
}

/// <summary>A result attribute that fills an SSE field line: how it is formatted and the local that holds it when nullable.</summary>
public sealed record SseFieldModel(PropertyModel Property, string FormatMethod, string LocalName)
{
    /// <summary>A string: the line is the value itself.</summary>
    public bool IsText => Property.Type.Primitive == Design.Types.PrimitiveKind.String;
}
