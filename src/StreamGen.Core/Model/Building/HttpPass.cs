using StreamGen.Design;
using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>HTTP endpoints: routes, where payload attributes travel, bodies (with their records), statuses, SSE and raw bodies.</summary>
internal sealed class HttpPass(ModelNames names, StreamClasses streams)
{
    public HttpEndpointModel Endpoint(DesignService service, DesignMethod method, DesignMethodHttp http, MethodModel model)
    {
        var (verb, route) = HttpMapping.Route(service, http);
        var payload = model.Payload?.Record;
        PropertyModel PayloadProperty(string name) => payload!.Properties.First(p => p.JsonName == name);

        var methodNames = names.Methods[method];
        ParameterModel ParameterOf(string attribute, string key) => Parameter(PayloadProperty(attribute), key, methodNames.ParameterLocals[attribute]);

        var routeSegments = route.Text.Split('/');
        var pathParameters = route.Parameters.Select(p => ParameterOf(p, p) with { SegmentFromEnd = SegmentFromEnd(routeSegments, p) }).ToList();
        var queryParameters = (http.Params ?? []).Select(p => ParameterOf(p, p)).ToList();
        var headerParameters = http.Headers.Entries().Select(h => ParameterOf(h.Key, h.Value)).ToList();
        var lastEventId = http.ServerSentEvents?.LastEventId is { } last ? ParameterOf(last, "Last-Event-ID") : null;

        var result = model.Result?.Record ?? model.StreamingResult?.Record;
        var responseHeaders = (http.Response?.Headers).Entries().Select(h =>
        {
            var property = result!.Properties.First(p => p.JsonName == h.Key);
            var (parse, format) = ParameterMethods(property.Type);
            return new ResponseHeaderModel(property, h.Value, CSharpLiterals.String(h.Value), format, parse);
        }).ToList();

        var requestBody = HttpMapping.HasRequestBody(verb, method, http)
            ? Body(method, model.Payload!, http.Body, PayloadOutsideBody(route, http, model), methodNames.RequestBody, "request")
            : null;
        var responseBody = HttpMapping.HasResponseBody(method, http)
            ? Body(method, model.Result!, null, http.Response?.Headers.KeysOrEmpty() ?? [], methodNames.ResponseBody, "response")
            : null;

        var isRawResponse = http.SkipResponseBodyEncodeDecode == true;
        var contentType = http.Response?.ContentType ?? "application/octet-stream";
        var framing = !model.IsStreaming ? (Framing?)null
            : http.ServerSentEvents is not null ? Framing.ServerSentEvents
            : http.JsonLines == true ? Framing.JsonLines
            : Framing.WebSocket;
        var memberNames = methodNames.Http!;
        var successStatus = HttpMapping.SuccessStatus(method, http);
        var served = framing is { } own ? FramingOf(model, own, memberNames.ServerStream!, methodNames.Name + "ClientStream", successStatus, verb.Token()[..1] + verb.Token()[1..].ToLowerInvariant()) : null;
        var others = memberNames.Serve is null ? [] : new List<HttpFramingModel>
        {
            FramingOf(model, Framing.JsonLines, memberNames.JsonLinesServerStream!, methodNames.Name + "JsonLinesClientStream", successStatus),
            FramingOf(model, Framing.WebSocket, memberNames.WebSocketServerStream!, methodNames.Name + "WebSocketClientStream", successStatus),
        };
        return new HttpEndpointModel
        {
            HttpVerb = verb,
            HandlerName = methodNames.Http!.Handler,
            DecodeName = requestBody is null ? methodNames.Http.Decode : methodNames.Http.Decode + "Async",
            ErrorStatusName = methodNames.Http.ErrorStatus,
            ServerStream = served?.ServerStream,
            ClientStream = served?.ClientStream,
            Framing = served,
            OtherFramings = others,
            ServeName = methodNames.Http.Serve,
            Route = route.Text,
            RouteLiteral = CSharpLiterals.String(route.Text),
            RouteSegments = RouteSegments(route, pathParameters),
            PathParameters = pathParameters,
            QueryParameters = queryParameters,
            HeaderParameters = headerParameters,
            LastEventId = lastEventId,
            Credentials = model.Security?.Credentials ?? [],
            RequestBody = requestBody,
            ResponseBody = responseBody,
            ResponseHeaders = responseHeaders,
            SuccessStatus = successStatus,
            Errors = HttpMapping.ErrorStatuses(service, method).Select(e => new ErrorStatusModel(CSharpLiterals.String(e.Name), e.Status)).ToList(),
            Sse = http.ServerSentEvents is { } sse ? new SseModel
            {
                Id = SseField(result!, sse.Id, "idValue"),
                Event = SseField(result!, sse.Event, "eventValue"),
                Retry = SseField(result!, sse.Retry, "retryValue"),
            } : null,
            IsRawRequest = http.SkipRequestBodyEncodeDecode == true,
            IsRawResponse = isRawResponse,
            RawResponseContentTypeLiteral = CSharpLiterals.String(contentType),
            IsWebSocket = framing == Framing.WebSocket,
            IsJsonLines = framing == Framing.JsonLines,
            AddsRequestHeaders = headerParameters.Count > 0 || lastEventId is not null || model.IsSecured,
        };
    }

    /// <summary><see cref="HttpMapping.PayloadOutsideBody"/> from the model: its credentials are the security's.</summary>
    private static IReadOnlyList<string> PayloadOutsideBody(RoutePattern route, DesignMethodHttp http, MethodModel model) =>
        [.. HttpMapping.PayloadOutsideBody(route, http, null), .. (model.Security?.Credentials ?? []).Select(c => c.Property.JsonName)];

    private HttpFramingModel FramingOf(MethodModel method, Framing framing, string serverName, string clientName, int successStatus, string? verbMember = null) => framing switch
    {
        Framing.ServerSentEvents => new("ServerSentEvents", "Server-Sent Events", streams.HttpServer(method, serverName, framing, successStatus), streams.HttpClient(method, clientName, framing), "Runtime::ServerSentEventsConnection.OpenAsync"),
        Framing.JsonLines when method.StreamingPayload is not null => new(
            "JsonLines", "JSON Lines request body", streams.HttpServer(method, serverName, framing, successStatus), streams.HttpClient(method, clientName, framing), "Runtime::JsonLinesRequest.OpenAsync", verbMember),
        Framing.JsonLines => new("JsonLines", "JSON Lines", streams.HttpServer(method, serverName, framing, successStatus), streams.HttpClient(method, clientName, framing), "Runtime::JsonLinesConnection.OpenAsync"),
        _ => new("WebSocket", "WebSocket", streams.HttpServer(method, serverName, framing, successStatus), streams.HttpClient(method, clientName, framing), "Runtime::WebSocketConnection.ConnectAsync"),
    };

    private static SseFieldModel? SseField(TypeModel result, string? attribute, string localName)
    {
        if (attribute is null)
        {
            return null;
        }

        var property = result.Properties.First(p => p.JsonName == attribute);
        return new SseFieldModel(property, ParameterMethods(property.Type).Format, localName);
    }

    /// <summary>A payload attribute read from the path, query string, a header or gRPC metadata.</summary>
    public static ParameterModel Parameter(PropertyModel property, string key, string localName)
    {
        var (parse, format) = ParameterMethods(property.Type);
        var single = property.Type.Element ?? property.Type;
        return new ParameterModel
        {
            Property = property,
            Key = key,
            KeyLiteral = CSharpLiterals.String(key),
            ParseMethod = parse,
            FormatMethod = format,
            IsArray = property.Type.IsArray,
            ElementTypeName = single.TypeName,
            ArrayParseMethod = single.IsValueType ? "ParseValueArray" : "ParseReferenceArray",
            LocalName = localName,
            SegmentValue = SegmentValue(property, format),
        };
    }

    /// <summary>
    /// Where a path parameter that is a whole segment sits, counted from the route's end (so a path base before it does
    /// not matter): the server reads its value from the raw request target there, since Kestrel leaves <c>%2F</c>
    /// undecoded in the path it routes on. Null for a parameter sharing its segment with literal text.
    /// </summary>
    private static int? SegmentFromEnd(string[] routeSegments, string parameter)
    {
        var index = Array.IndexOf(routeSegments, "{" + parameter + "}");
        return index < 0 ? null : routeSegments.Length - index;
    }

    /// <summary>
    /// The client's text for a path segment: a route needs a value, so an optional attribute that is absent is sent as its
    /// type's empty form (the empty string, no bytes, the default number), which the route then refuses or reads back.
    /// </summary>
    private static string SegmentValue(PropertyModel property, string format)
    {
        var value = $"payload.{property.Name}";
        if (property.IsNullable)
        {
            value = property.Type.IsValueType ? $"{value}.GetValueOrDefault()"
                : property.Type.Primitive == Design.Types.PrimitiveKind.String ? $"{value} ?? \"\""
                : $"{value} ?? []";
        }

        return property.Type.Primitive == Design.Types.PrimitiveKind.String ? value : $"Runtime::Parameters.{format}({value})";
    }

    /// <summary>The runtime methods that parse and format one value of a parameter, chosen by its primitive kind.</summary>
    private static (string Parse, string Format) ParameterMethods(TypeRefModel type)
    {
        var single = type.IsArray ? type.Element! : type;
        if (single.IsEnum)
        {
            return ($"ParseEnum<{single.TypeName}>", "FormatEnum");
        }

        var name = single.Primitive is { } primitive ? PrimitiveForm.Of(primitive).RuntimeName : single.JsonInfoName;
        return ($"Parse{name}", $"Format{name}");
    }

    private static List<RouteSegmentModel> RouteSegments(RoutePattern route, List<ParameterModel> parameters)
    {
        var segments = new List<RouteSegmentModel>();
        var text = route.Text;
        var position = 0;
        foreach (var parameter in parameters)
        {
            var index = text.IndexOf("{" + parameter.Key + "}", position, StringComparison.Ordinal);
            if (index > position)
            {
                segments.Add(new RouteSegmentModel(text[position..index], null));
            }

            segments.Add(new RouteSegmentModel("", parameter));
            position = index + parameter.Key.Length + 2;
        }

        if (position < text.Length)
        {
            segments.Add(new RouteSegmentModel(text[position..], null));
        }

        return segments;
    }

    /// <summary>
    /// The body of a request or response: the whole type, one named attribute, or a record of the attributes that travel
    /// nowhere else (null when every attribute travels elsewhere).
    /// </summary>
    private BodyModel? Body(DesignMethod method, TypeUseModel use, string? attribute, IEnumerable<string> elsewhere, string? recordName, string direction)
    {
        var record = use.Record;
        var shape = HttpMapping.Shape(record?.Properties.Select(p => p.JsonName).ToList(), attribute, elsewhere);
        switch (shape.Kind)
        {
            case BodyKind.None:
                return null;
            case BodyKind.Whole:
                return new BodyModel { TypeName = use.TypeName, JsonInfoName = use.Type.JsonInfoName, IsWhole = true, Attribute = null, Properties = [], Record = null };
            case BodyKind.Attribute:
                var property = record!.Properties.First(p => p.JsonName == attribute);
                return new BodyModel { TypeName = property.Type.TypeName, JsonInfoName = property.Type.JsonInfoName, IsWhole = false, Attribute = property, Properties = [], Record = null };
        }

        var rest = record!.Properties.Where(p => shape.Attributes.Contains(p.JsonName)).ToList();
        var body = new TypeModel
        {
            Name = recordName!,
            FileName = $"Types/{recordName}.g.cs",
            BaseInterface = "Runtime::IValidatable",
            Usings = CSharpUsings.Of(["System.CodeDom.Compiler", "System.Text.Json.Serialization"], rest.SelectMany(p => p.Type.Namespaces)),
            DesignName = recordName!,
            JsonInfoName = recordName!,
            Description = [Docs.EscapeXml($"The HTTP {direction} body of {method.Name}: the attributes that travel in no path, query or header.")],
            Properties = rest.Select(p => p with { Checks = [] }).ToList(),
            Views = [],
            ViewEnumName = null,
            Patterns = [],
        };
        return new BodyModel { TypeName = body.Name, JsonInfoName = body.Name, IsWhole = false, Attribute = null, Properties = rest, Record = body };
    }
}
