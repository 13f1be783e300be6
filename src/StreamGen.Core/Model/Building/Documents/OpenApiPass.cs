using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Model.Documents;

namespace StreamGen.Model.Building.Documents;

/// <summary>
/// The OpenAPI operations: every HTTP route with its parameters, body, success response (JSON, raw, Server-Sent Events
/// and NDJSON, or the 101 of a WebSocket upgrade that points to the AsyncAPI channel) and its errors (each mapped
/// status with Goa's error body, 400 for validation, 426 for a plain request to a WebSocket-only route, 500).
/// </summary>
internal sealed class OpenApiPass(ModelContext context, ModelNames names, DocumentSchemas schemas, string asyncApiFile)
{
    private readonly DocumentSecurity _security = new(context);

    private const string Json = "application/json";

    // A comparer over the operations rather than OrderBy(o => o.Verb): sorting by an enum key is generic code over a struct
    // that ReadyToRun cannot precompile.
    private static readonly IComparer<OpenApiOperationModel> VerbOrder = Comparer<OpenApiOperationModel>.Create((a, b) => ((int)a.Verb).CompareTo((int)b.Verb));

    /// <summary>The document's paths (in ordinal order, operations in verb order), a tag per service, and the schemas they use.</summary>
    public OpenApiModel Run(IReadOnlyList<DocumentRoute> routes, string serverUrl)
    {
        var operations = routes.Select(r => new RoutedOperation(r, Operation(r))).ToList();
        return new OpenApiModel
        {
            ServerUrl = serverUrl,
            ServerDescription = "The HTTP port, with the design's default host and port: WebSockets, Server-Sent Events, raw bodies and JSON.",
            Tags = [.. context.Services.Where(s => routes.Any(r => r.Service == s)).Select(s => new DocumentTagModel(s.Name, s.Description?.Trim() ?? $"The {s.Name} service."))],
            Paths = [.. operations.GroupBy(o => o.Route.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new OpenApiPathModel(g.Key, [.. g.Select(o => o.Operation).OrderBy(o => o, VerbOrder)]))],
            Schemas = schemas.Reachable(operations.SelectMany(o => Schemas(o.Operation))),
            SecuritySchemes = _security.Schemes(routes),
        };
    }

    private OpenApiOperationModel Operation(DocumentRoute route)
    {
        var (service, method, http) = (route.Service, route.Method, route.Http);
        var payload = context.ObjectOf(method.Payload, TypeRole.Payload);
        return new OpenApiOperationModel
        {
            Verb = route.Verb,
            OperationId = route.OperationId,
            Tag = service.Name,
            Summary = $"{method.Name} {service.Name}",
            Description = Description(route, DocumentTexts.Credentials(payload)),
            Parameters = Parameters(route, payload),
            RequestBody = RequestBody(route, payload),
            Responses = Merge(Success(route).Concat(Errors(route))),
            AsyncApi = route.Channel is { } channel
                ? new AsyncApiLinkModel(asyncApiFile, $"#/channels/{channel}", [.. new[] { route.SendOperation, route.ReceiveOperation }.OfType<string>().Select(o => $"#/operations/{o}")])
                : null,
            Security = _security.Requirements(route),
        };
    }

    /// <summary>One response per status, in ordinal order: a design error mapped to the success status shares its response (and its content).</summary>
    private static List<OpenApiResponseModel> Merge(IEnumerable<OpenApiResponseModel> responses) =>
        [.. responses.GroupBy(r => r.Status, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Description = string.Join("\n\n", g.Select(r => r.Description)) })];

    private static IEnumerable<SchemaModel> Schemas(OpenApiOperationModel operation) =>
        operation.Parameters.Select(p => p.Schema)
            .Concat(operation.RequestBody?.Content.Select(c => c.Schema).OfType<SchemaModel>() ?? [])
            .Concat(operation.Responses.SelectMany(r => r.Content.Select(c => c.Schema).OfType<SchemaModel>().Concat(r.Headers.Select(h => h.Schema))));

    private static string Description(DocumentRoute route, string? credentials)
    {
        var parts = new List<string>();
        if (route.Method.Description is { Length: > 0 } description)
        {
            parts.Add(description.Trim());
        }

        var http = route.Http;
        if (route.IsServerSentEvents)
        {
            var fields = new List<string> { "`data:` one JSON value" };
            if (http.ServerSentEvents!.Id is { } id)
            {
                fields.Add($"`id:` the result's `{id}`");
            }

            if (http.ServerSentEvents.Event is { } name)
            {
                fields.Add($"`event:` the result's `{name}`");
            }

            if (http.ServerSentEvents.Retry is { } retry)
            {
                fields.Add($"`retry:` the result's `{retry}`");
            }

            parts.Add($"Streams the results as Server-Sent Events, one event per result ({string.Join(", ", fields)}); "
                + "with `Accept: application/x-ndjson`, as NDJSON, one JSON value a line; and with a WebSocket upgrade, over a WebSocket.");
        }

        if (route.IsJsonLinesRequest)
        {
            parts.Add("The request body streams the payloads as NDJSON (`application/x-ndjson`, sent chunked), one JSON value a line, each read and validated as it arrives (blank lines are skipped). "
                + "A line that is not JSON or fails validation is answered with 400, a line over the server's message size with 413, at once: the rest of the body is not read and the connection closes. "
                + "The response comes once the handler has the whole stream (or has refused it).");
        }
        else if (route.IsJsonLines)
        {
            parts.Add("Streams the results as NDJSON (`application/x-ndjson`), one JSON value a line, flushed as each is produced; an empty line is a heartbeat of an idle stream, and an error after the first line cuts the connection.");
        }

        if (route.Channel is { } channel)
        {
            parts.Add($"A WebSocket upgrade on this route opens the stream in Goa's wire protocol: channel `{channel}` of the AsyncAPI document describes its messages and close codes. "
                + "The payload is decoded and validated before the upgrade: a bad one gets an error response, and no upgrade.");
        }

        if (http.SkipRequestBodyEncodeDecode == true)
        {
            parts.Add("The request body is handed to the handler unread, as a stream.");
        }

        if (http.SkipResponseBodyEncodeDecode == true)
        {
            parts.Add("The handler writes the response body itself, streamed.");
        }

        if (credentials is not null)
        {
            parts.Add(credentials);
        }

        return string.Join("\n\n", parts);
    }

    /// <summary>Path, query and header parameters, then Last-Event-ID, each in design order.</summary>
    private List<OpenApiParameterModel> Parameters(DocumentRoute route, DesignObject? payload)
    {
        var parameters = new List<OpenApiParameterModel>();
        if (payload is null)
        {
            return parameters;
        }

        OpenApiParameterModel Parameter(string attribute, string key, OpenApiParameterLocation location)
        {
            var design = payload.Attributes[attribute];
            var isArray = context.TypeOf(design, attribute) is ArrayTypeExpression;

            // An empty array has no query or header form: absent reads as empty, so an array is never required there.
            var required = location == OpenApiParameterLocation.Path || (payload.IsRequired(attribute) && design.Default is null && !isArray);
            var description = key == attribute ? design.Description : DocumentTexts.PayloadAttribute(attribute, design.Description);
            return new OpenApiParameterModel(key, location, required, description, schemas.Attribute(design, attribute) with { Description = null });
        }

        parameters.AddRange(route.Route.Parameters.Select(p => Parameter(p, route.PathNames[p], OpenApiParameterLocation.Path)));
        parameters.AddRange((route.Http.Params ?? []).Select(p => Parameter(p, p, OpenApiParameterLocation.Query)));
        parameters.AddRange(route.Http.Headers.Entries().Select(h => Parameter(h.Key, h.Value, OpenApiParameterLocation.Header)));
        if (route.Http.ServerSentEvents?.LastEventId is { } lastEventId)
        {
            parameters.Add(Parameter(lastEventId, "Last-Event-ID", OpenApiParameterLocation.Header) with
            {
                Description = $"The id of the last event the client received, to resume after it. {DocumentTexts.PayloadAttribute(lastEventId, payload.Attributes[lastEventId].Description)}",
            });
        }

        return parameters;
    }

    private OpenApiRequestBodyModel? RequestBody(DocumentRoute route, DesignObject? payload)
    {
        var (method, http) = (route.Method, route.Http);
        if (http.SkipRequestBodyEncodeDecode == true)
        {
            return new OpenApiRequestBodyModel("The raw request body, streamed to the handler.", false, [new OpenApiMediaTypeModel("application/octet-stream", null)]);
        }

        if (route.IsJsonLinesRequest)
        {
            return new OpenApiRequestBodyModel(
                "The streamed payloads, one JSON value a line.", true,
                [new OpenApiMediaTypeModel("application/x-ndjson", schemas.Use(method.StreamingPayload!, TypeRole.StreamingPayload) with { Description = DocumentTexts.NdjsonRequestItem })]);
        }

        if (!HttpMapping.HasRequestBody(route.Verb, method, http))
        {
            return null;
        }

        var shape = HttpMapping.Shape(payload?.Attributes.Keys.ToList(), http.Body, HttpMapping.PayloadOutsideBody(route.Route, http, payload));
        var (description, schema) = shape.Kind switch
        {
            BodyKind.None => (null, null),
            BodyKind.Whole => ("The payload.", schemas.Use(method.Payload!, TypeRole.Payload)),
            BodyKind.Attribute => ($"The payload's `{http.Body}`.", schemas.Attribute(payload!.Attributes[http.Body!], http.Body!)),
            _ => ("The payload attributes that travel in no path, query or header.",
                schemas.Body(names.Methods[method].RequestBody!, payload!, shape.Attributes, $"The HTTP request body of {method.Name}: the payload attributes that travel in no path, query or header.")),
        };
        return schema is null ? null : new OpenApiRequestBodyModel(description!, true, [new OpenApiMediaTypeModel(Json, schema)]);
    }

    private IEnumerable<OpenApiResponseModel> Success(DocumentRoute route)
    {
        var (method, http) = (route.Method, route.Http);
        var status = HttpMapping.SuccessStatus(method, http).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var views = method.StreamingResult is { } streamed ? schemas.ChosenViews(streamed, TypeRole.StreamingResult) : [];
        var viewHeader = views.Count > 0
            ? new[] { new OpenApiHeaderModel("Goa-View", DocumentTexts.GoaViewHeader, false, new SchemaModel { Kind = SchemaKind.String, Enum = [.. views.Select(JsonLiterals.String)] }) }
            : [];
        if (route.IsJsonLines && !route.IsJsonLinesRequest)
        {
            var item = StreamItem(method, views);
            yield return new OpenApiResponseModel("200", "The results, streamed as NDJSON (one JSON value a line).", viewHeader,
                [new OpenApiMediaTypeModel("application/x-ndjson", item with { Description = DocumentTexts.NdjsonItem })]);
            yield break;
        }

        if (route.IsStreaming && !route.IsJsonLinesRequest)
        {
            if (route.IsServerSentEvents)
            {
                // The SSE response is always a 200 (the design's status is for unary responses).
                var item = StreamItem(method, views);
                yield return new OpenApiResponseModel("200", "The results, streamed as Server-Sent Events or NDJSON (by Accept).", viewHeader,
                    [new OpenApiMediaTypeModel("application/x-ndjson", item with { Description = DocumentTexts.NdjsonItem }), new OpenApiMediaTypeModel("text/event-stream", SseEvent(method, http.ServerSentEvents!, item))]);
            }

            yield return new OpenApiResponseModel("101", $"Switching Protocols: the stream runs over this WebSocket, as channel `{route.Channel}` of the AsyncAPI document ({asyncApiFile}) describes.", viewHeader, []);
            yield break;
        }

        if (http.SkipResponseBodyEncodeDecode == true)
        {
            yield return new OpenApiResponseModel(status, "The response body the handler writes, streamed.", [], [new OpenApiMediaTypeModel(http.Response?.ContentType ?? "application/octet-stream", null)]);
            yield break;
        }

        var result = context.ObjectOf(method.Result, TypeRole.Result);
        var headers = (http.Response?.Headers).Entries().Select(h =>
        {
            var attribute = result!.Attributes[h.Key];
            var required = result.IsRequired(h.Key) && attribute.Default is null;
            return new OpenApiHeaderModel(h.Value, attribute.Description ?? $"The result's `{h.Key}`.", required, schemas.Attribute(attribute, h.Key) with { Description = null });
        }).ToList();
        SchemaModel? body = null;
        if (route.IsJsonLinesRequest)
        {
            // The handler's SendAndClose: the whole result as the JSON body.
            body = method.Result is null ? null : schemas.Use(method.Result, TypeRole.Result);
        }
        else if (HttpMapping.HasResponseBody(method, http))
        {
            var shape = HttpMapping.Shape(result?.Attributes.Keys.ToList(), null, http.Response?.Headers.KeysOrEmpty() ?? []);
            body = shape.Kind switch
            {
                BodyKind.None => null,
                BodyKind.Partial => schemas.Body(names.Methods[method].ResponseBody!, result!, shape.Attributes, $"The HTTP response body of {method.Name}: the result attributes that travel in no header."),
                _ => schemas.Use(method.Result!, TypeRole.Result),
            };
        }

        var description = body is not null ? "The result." : method.Result is not null ? "The result, in the response headers." : "Done: no result.";
        yield return new OpenApiResponseModel(status, description, headers, body is null ? [] : [new OpenApiMediaTypeModel(Json, body)]);
    }

    /// <summary>One streamed result: in the view the method fixes, else in any of the views the server may choose.</summary>
    private SchemaModel StreamItem(DesignMethod method, IReadOnlyList<string> views) =>
        views.Count > 0
            ? new SchemaModel { Kind = SchemaKind.AnyOf, AnyOf = [.. views.Select(v => schemas.Reference(context.ObjectOf(method.StreamingResult, TypeRole.StreamingResult)!, v))] }
            : schemas.Use(method.StreamingResult!, TypeRole.StreamingResult);

    /// <summary>The fields of one event: data is the result's JSON; id, event and retry the result attributes the design names.</summary>
    private SchemaModel SseEvent(DesignMethod method, DesignServerSentEvents sse, SchemaModel item)
    {
        var result = context.ObjectOf(method.StreamingResult, TypeRole.StreamingResult);
        var properties = new List<SchemaPropertyModel>();
        void Field(string field, string? attribute, SchemaModel schema, string meaning)
        {
            if (attribute is not null)
            {
                properties.Add(new SchemaPropertyModel(field, schema with { Description = $"The result's `{attribute}`{meaning}." }));
            }
        }

        Field("id", sse.Id, new SchemaModel { Kind = SchemaKind.String }, ": the event id a client sends back in Last-Event-ID to resume after it");
        Field("event", sse.Event, new SchemaModel { Kind = SchemaKind.String, Enum = EventNames(result, sse.Event) }, "");
        Field("retry", sse.Retry, new SchemaModel { Kind = SchemaKind.Integer, Minimum = "0" }, ": how many milliseconds a client waits before it reconnects");
        properties.Add(new SchemaPropertyModel("data", item with { Description = "The result, one JSON value." }));
        return new SchemaModel { Kind = SchemaKind.Object, Description = DocumentTexts.SseEvent, Properties = properties, Required = ["data"] };
    }

    /// <summary>The event names a string enum attribute can give.</summary>
    private IReadOnlyList<string> EventNames(DesignObject? result, string? attribute) =>
        attribute is not null && result?.Attributes[attribute] is { Enum.Count: > 0 } design && context.TypeOf(design, attribute) is PrimitiveTypeExpression { Kind: PrimitiveKind.String } type
            ? [.. design.Enum!.Select(v => JsonLiterals.Of(type, v)).OfType<string>()]
            : [];

    /// <summary>Each status with the errors that get it: validation (400), the design's (mapped, else 500), upgrade_required (426) and fault (500).</summary>
    private IEnumerable<OpenApiResponseModel> Errors(DocumentRoute route)
    {
        var (service, method) = (route.Service, route.Method);
        var mapped = new Dictionary<string, ErrorStatus>(StringComparer.Ordinal);
        foreach (var status in HttpMapping.ErrorStatuses(service, method))
        {
            mapped[status.Name] = status;
        }

        // A list of classes sorted at the end, not a SortedDictionary<int, ...>: generic code over int keys is not precompiled.
        var byStatus = new List<StatusTexts>();
        void Add(int status, string text)
        {
            if (byStatus.Find(s => s.Status == status) is not { } entry)
            {
                byStatus.Add(entry = new StatusTexts(status, []));
            }

            entry.Texts.Add(text);
        }

        if (method.Payload is not null)
        {
            Add(400, DocumentTexts.Validation);
        }

        if (route.IsStreaming && !route.IsServerSentEvents && !route.IsJsonLines)
        {
            Add(426, DocumentTexts.UpgradeRequired);
        }

        if (route.IsJsonLinesRequest)
        {
            Add(400, DocumentTexts.InvalidLine);
            Add(413, DocumentTexts.LineTooBig);
            Add(415, DocumentTexts.NotJsonLines);
        }

        var security = method.SecurityOf(service, context.Api);
        if (security.Count > 0)
        {
            Add(401, DocumentTexts.Unauthorized);
            if (security.Any(r => r.Scopes is { Count: > 0 }))
            {
                Add(403, DocumentTexts.Forbidden);
            }
        }

        var described = new HashSet<string>(StringComparer.Ordinal);
        foreach (var errors in new[] { service.Errors, method.Errors })
        {
            foreach (var (name, error) in errors ?? [])
            {
                if (described.Add(name))
                {
                    Add(mapped.TryGetValue(name, out var status) ? status.Status : 500, error.Description is { Length: > 0 } text ? $"`{name}`: {text.Trim()}" : $"`{name}`.");
                }
            }
        }

        Add(500, DocumentTexts.Fault);
        var errorSchema = new SchemaModel { Kind = SchemaKind.Reference, Reference = schemas.Error };
        var header = new OpenApiHeaderModel("goa-error", DocumentTexts.GoaErrorHeader, true, new SchemaModel { Kind = SchemaKind.String });
        byStatus.Sort((a, b) => a.Status.CompareTo(b.Status));
        return byStatus.Select(s => new OpenApiResponseModel(
            s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            s.Texts.Count == 1 ? s.Texts[0] : string.Join("\n", s.Texts.Select(t => "- " + t)),
            [header],
            [new OpenApiMediaTypeModel(Json, errorSchema)]));
    }

    /// <summary>An error status of a route and the texts of the errors that get it, in the order they were added.</summary>
    private sealed record StatusTexts(int Status, List<string> Texts);

    /// <summary>A route and the operation that documents it.</summary>
    private sealed record RoutedOperation(DocumentRoute Route, OpenApiOperationModel Operation);
}
