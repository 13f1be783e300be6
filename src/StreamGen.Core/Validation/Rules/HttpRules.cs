using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;

namespace StreamGen.Validation.Rules;

/// <summary>The HTTP transport: one route per method, where every payload attribute travels, streaming, SSE and raw bodies.</summary>
internal sealed class HttpRules(ValidationContext context)
{
    private static readonly string[] RawBodyKeys = ["skipRequestBodyEncodeDecode", "skipResponseBodyEncodeDecode"];

    private readonly Dictionary<string, DesignMethod> _routes = new(StringComparer.Ordinal);

    public void Run()
    {
        foreach (var (service, method) in context.Methods)
        {
            if (service.Http?.Path is { } basePath && RoutePattern.Parse(basePath, out var baseError) is null)
            {
                context.Report(DiagnosticDescriptors.InvalidPath, service.Http.SpanOf("path"), basePath, baseError);
            }

            if (method.Http is { } http)
            {
                CheckMethod(service, method, http);
            }
        }

        foreach (var service in (context.Document.Services ?? []).Values)
        {
            foreach (var (name, status) in service.Http?.Errors ?? [])
            {
                CheckStatus(status, service.Http!.EntryValueSpanOf("errors", name));
            }
        }
    }

    private void CheckMethod(DesignService service, DesignMethod method, DesignMethodHttp http)
    {
        var verbs = http.Routes().ToList();
        if (verbs.Count != 1)
        {
            context.Report(DiagnosticDescriptors.RouteVerbCount, method.KeySpanOf("http"), method.Name, verbs.Count == 0 ? "none" : string.Join(", ", verbs.Select(v => v.Verb.Token())));
            return;
        }

        var (verb, path) = verbs[0];
        var pathSpan = http.SpanOf(verb.Token());
        var route = RoutePattern.Parse(path, out var error);
        if (route is null)
        {
            context.Report(DiagnosticDescriptors.InvalidPath, pathSpan, path, error);
            return;
        }

        var fullRoute = RoutePattern.Join(service.Http?.Path, route.Text);
        var routeKey = $"{verb.Token()} {RoutePattern.Parse(fullRoute, out _)?.Shape ?? fullRoute}";
        if (_routes.TryGetValue(routeKey, out var other))
        {
            context.Report(DiagnosticDescriptors.DuplicateRoute, pathSpan, verb.Token(), fullRoute, method.Name, other.Name);
        }
        else
        {
            _routes[routeKey] = method;
        }

        var isSse = http.ServerSentEvents is not null;
        var isStreaming = method.StreamingPayload is not null || method.StreamingResult is not null;
        if (isStreaming && !isSse && http.JsonLines == true)
        {
            CheckJsonLinesVerb(method, http, verb);
        }
        else if (isStreaming && !isSse && verb != HttpVerb.Get)
        {
            context.Report(DiagnosticDescriptors.StreamingRequiresGet, method.KeySpanOf("http"), method.Name, verb.Token());
        }

        var payloadType = method.Payload is null ? null : context.Index.TypeOf(method.Payload, ValidationContext.Where(method, TypeRole.Payload));
        var payload = context.Index.ObjectOf(payloadType);
        var resultRef = method.Result ?? method.StreamingResult;
        var resultType = resultRef is null ? null : context.Index.TypeOf(resultRef, ValidationContext.Where(method, method.Result is null ? TypeRole.StreamingResult : TypeRole.Result));
        var result = context.Index.ObjectOf(resultType);

        CheckPayloadMapping(method, http, verb, route, pathSpan, payloadType, payload, isStreaming);
        CheckServerSentEvents(method, http, payload, result);
        CheckJsonLines(method, http);
        CheckRawBodies(method, http, verb, resultType, result);

        if (http.Response is { } response)
        {
            if (response.Status is { } status)
            {
                CheckStatus(status, response.SpanOf("status"));
            }

            foreach (var (attribute, _) in response.Headers ?? [])
            {
                if (result?.Attributes.ContainsKey(attribute) != true)
                {
                    context.ReportWithHint(
                        DiagnosticDescriptors.UnknownResultAttribute,
                        response.EntrySpanOf("headers", attribute),
                        NameSuggester.Hint(attribute, result?.Attributes.Keys ?? Enumerable.Empty<string>()),
                        attribute,
                        "response headers",
                        method.Name);
                }
            }
        }

        foreach (var (name, status) in http.Errors ?? [])
        {
            CheckStatus(status, http.EntryValueSpanOf("errors", name));
        }
    }

    private void CheckPayloadMapping(
        DesignMethod method, DesignMethodHttp http, HttpVerb verb, RoutePattern route, SourceSpan pathSpan, TypeExpression? payloadType, DesignObject? payload, bool isStreaming)
    {
        var mapsSomething = route.Parameters.Count > 0 || http.Params is { Count: > 0 } || http.Headers is { Count: > 0 } || http.Body is not null
            || http.ServerSentEvents?.LastEventId is not null;
        if (mapsSomething && payloadType is not null && payload is null)
        {
            context.Report(DiagnosticDescriptors.PayloadNotObject, method.KeySpanOf("http"), method.Name, "attributes to the request", payloadType);
            return;
        }

        var placed = new Dictionary<string, string>(StringComparer.Ordinal);
        var candidates = payload?.Attributes.Keys ?? (IEnumerable<string>)[];

        foreach (var parameter in route.Parameters)
        {
            if (payload?.Attributes.ContainsKey(parameter) != true)
            {
                if (method.Payload is null || payload is not null)
                {
                    context.ReportWithHint(DiagnosticDescriptors.UnknownPathParameter, pathSpan, NameSuggester.Hint(parameter, candidates), parameter, method.Name);
                }

                continue;
            }

            Place(parameter, "the path", pathSpan, allowArray: false);
        }

        for (var i = 0; i < (http.Params?.Count ?? 0); i++)
        {
            var name = http.Params![i];
            if (Known(name, "params", http.ItemSpanOf("params", i)))
            {
                Place(name, "the query string", http.ItemSpanOf("params", i), allowArray: true);
            }
        }

        foreach (var (name, _) in http.Headers ?? [])
        {
            if (Known(name, "headers", http.EntrySpanOf("headers", name)))
            {
                Place(name, "a header", http.EntrySpanOf("headers", name), allowArray: true);
            }
        }

        if (http.ServerSentEvents?.LastEventId is { } lastEventId && Known(lastEventId, "serverSentEvents.lastEventId", http.ServerSentEvents.SpanOf("lastEventId")))
        {
            Place(lastEventId, "the Last-Event-ID header", http.ServerSentEvents.SpanOf("lastEventId"), allowArray: false);
        }

        if (http.Body is { } body && Known(body, "body", http.SpanOf("body")))
        {
            Place(body, "the body", http.SpanOf("body"), allowArray: true, checkType: false);
        }

        var bodiless = verb == HttpVerb.Get || isStreaming || http.SkipRequestBodyEncodeDecode == true;
        if (bodiless && payload is not null)
        {
            // A credential attribute travels where its scheme says (SG6013 if it is also placed).
            foreach (var name in payload.Attributes.Keys.Where(n => !placed.ContainsKey(n) && payload.Attributes[n].Credential is null))
            {
                context.ReportWithHint(
                    DiagnosticDescriptors.UnmappedPayloadAttribute, payload.Attributes[name].NameSpan, $"add '{name}' to the path, 'params' or 'headers'", name, method.Name);
            }
        }
        else if (bodiless && payloadType is not null && payload is null && verb == HttpVerb.Get)
        {
            context.Report(DiagnosticDescriptors.PayloadNotObject, method.KeySpanOf("payload"), method.Name, "its payload to a request without a body", payloadType);
        }

        bool Known(string name, string where, SourceSpan span)
        {
            if (payload?.Attributes.ContainsKey(name) == true)
            {
                return true;
            }

            context.ReportWithHint(DiagnosticDescriptors.UnknownPayloadAttribute, span, NameSuggester.Hint(name, candidates), name, where, method.Name);
            return false;
        }

        void Place(string name, string where, SourceSpan span, bool allowArray, bool checkType = true)
        {
            if (placed.TryGetValue(name, out var first))
            {
                context.Report(DiagnosticDescriptors.AttributeMappedTwice, span, name, method.Name, first, where);
                return;
            }

            placed[name] = where;
            if (payload!.Attributes[name].Credential is { Scheme: { } scheme })
            {
                context.Report(DiagnosticDescriptors.CredentialMappedElsewhere, span, name, scheme, where, method.Name);
                return;
            }

            var type = context.Index.TypeOf(payload!.Attributes[name], name);
            var element = allowArray && type is ArrayTypeExpression array ? array.Element : type;
            if (checkType && type is not null && element is not PrimitiveTypeExpression { Kind: not PrimitiveKind.Any })
            {
                context.Report(DiagnosticDescriptors.NonPrimitiveParameter, span, name, type, where, method.Name);
            }
        }
    }

    private void CheckServerSentEvents(DesignMethod method, DesignMethodHttp http, DesignObject? payload, DesignObject? result)
    {
        if (http.ServerSentEvents is not { } sse)
        {
            return;
        }

        if (method.StreamingResult is null || method.StreamingPayload is not null)
        {
            context.Report(DiagnosticDescriptors.SseRequiresServerStreaming, http.KeySpanOf("serverSentEvents"), method.Name);
            return;
        }

        foreach (var (key, name) in new[] { ("id", sse.Id), ("event", sse.Event), ("retry", sse.Retry) })
        {
            if (name is null)
            {
                continue;
            }

            if (result?.Attributes.TryGetValue(name, out var attribute) != true)
            {
                context.ReportWithHint(
                    DiagnosticDescriptors.UnknownResultAttribute, sse.SpanOf(key), NameSuggester.Hint(name, result?.Attributes.Keys ?? Enumerable.Empty<string>()), name, $"serverSentEvents.{key}", method.Name);
                continue;
            }

            var type = context.Index.TypeOf(attribute!, name) as PrimitiveTypeExpression;
            var fits = key == "retry" ? type?.Kind.IsInteger() == true : type is not null && (type.Kind == PrimitiveKind.String || type.Kind.IsInteger());
            if (!fits)
            {
                context.Report(
                    DiagnosticDescriptors.InvalidSseAttribute, sse.SpanOf(key), key, method.Name, name, context.Index.TypeOf(attribute!, name)?.ToString() ?? "?", key == "retry" ? "an integer" : "a String or an integer");
            }
        }

        if (sse.LastEventId is { } lastEventId && payload?.Attributes.TryGetValue(lastEventId, out var last) == true
            && context.Index.TypeOf(last, lastEventId) is not PrimitiveTypeExpression { Kind: PrimitiveKind.String })
        {
            context.Report(
                DiagnosticDescriptors.InvalidSseAttribute, sse.SpanOf("lastEventId"), "lastEventId", method.Name, lastEventId, context.Index.TypeOf(last, lastEventId)?.ToString() ?? "?", "a String");
        }
    }

    /// <summary>
    /// <c>jsonLines: true</c>: a server stream that answers JSON Lines alone, or a client stream sent as a JSON Lines
    /// request body, with nothing else claiming the body. A bidirectional stream is refused: over HTTP/1.1 a response
    /// that streams while its request still does is full duplex, which proxies do not reliably pass and browsers cannot
    /// do (fetch sends a streaming body half duplex); a WebSocket is the route for it.
    /// </summary>
    private void CheckJsonLines(DesignMethod method, DesignMethodHttp http)
    {
        if (http.JsonLines != true)
        {
            return;
        }

        var span = http.KeySpanOf("jsonLines");
        if (method.StreamingResult is null == method.StreamingPayload is null)
        {
            context.Report(
                DiagnosticDescriptors.JsonLinesNeedsServerStream, span, method.Name,
                method.StreamingPayload is not null
                    ? "a bidirectional stream over one HTTP/1.1 request and response is full duplex, which proxies do not reliably pass and browsers cannot send; without jsonLines it streams over a WebSocket"
                    : "a unary method's payload and result are one JSON body each already");
            return;
        }

        if (http.ServerSentEvents is not null)
        {
            context.Report(DiagnosticDescriptors.JsonLinesConflict, span, "serverSentEvents", method.Name, "a serverSentEvents route already answers Accept: application/x-ndjson; remove jsonLines");
        }

        foreach (var (key, enabled) in new[] { ("skipRequestBodyEncodeDecode", http.SkipRequestBodyEncodeDecode), ("skipResponseBodyEncodeDecode", http.SkipResponseBodyEncodeDecode) })
        {
            if (enabled == true)
            {
                context.Report(DiagnosticDescriptors.JsonLinesConflict, span, key, method.Name, "a raw body is the handler's bytes, not JSON lines");
            }
        }
    }

    /// <summary>A JSON Lines server stream is a response to a GET; a client stream is a request body, which GET and DELETE do not carry.</summary>
    private void CheckJsonLinesVerb(DesignMethod method, DesignMethodHttp http, HttpVerb verb)
    {
        if (method.StreamingPayload is null && verb != HttpVerb.Get)
        {
            context.Report(DiagnosticDescriptors.JsonLinesVerb, http.SpanOf(verb.Token()), method.Name, "streams its results", "are the response to a GET", verb.Token());
        }
        else if (method.StreamingPayload is not null && method.StreamingResult is null && verb is HttpVerb.Get or HttpVerb.Delete)
        {
            context.Report(DiagnosticDescriptors.JsonLinesVerb, http.SpanOf(verb.Token()), method.Name, "streams its payload", "is a request body (POST, PUT or PATCH)", verb.Token());
        }
    }

    private void CheckRawBodies(DesignMethod method, DesignMethodHttp http, HttpVerb verb, TypeExpression? resultType, DesignObject? result)
    {
        foreach (var key in RawBodyKeys)
        {
            var enabled = key == "skipRequestBodyEncodeDecode" ? http.SkipRequestBodyEncodeDecode : http.SkipResponseBodyEncodeDecode;
            if (enabled != true)
            {
                continue;
            }

            var span = http.KeySpanOf(key);
            if (method.StreamingPayload is not null)
            {
                context.Report(DiagnosticDescriptors.RawBodyWithStreaming, span, key, method.Name, "streamingPayload");
            }
            else if (method.StreamingResult is not null)
            {
                context.Report(DiagnosticDescriptors.RawBodyWithStreaming, span, key, method.Name, "streamingResult");
            }
            else if (key == "skipRequestBodyEncodeDecode" && verb == HttpVerb.Get)
            {
                context.Report(DiagnosticDescriptors.RawBodyNotAllowed, span, key, method.Name, "a GET request has no body");
            }
            else if (key == "skipRequestBodyEncodeDecode" && http.Body is not null)
            {
                context.Report(DiagnosticDescriptors.RawBodyNotAllowed, span, key, method.Name, "the raw body replaces 'body'");
            }
            else if (key == "skipResponseBodyEncodeDecode" && resultType is not null)
            {
                CheckRawResponseResult(method, http, span, resultType, result);
            }
        }
    }

    /// <summary>
    /// A raw response's body is the handler's bytes, so its result can only travel in response headers (Goa's
    /// upload_download: <c>length</c> in <c>Content-Length</c>): an object whose every attribute maps to one.
    /// </summary>
    private void CheckRawResponseResult(DesignMethod method, DesignMethodHttp http, SourceSpan span, TypeExpression resultType, DesignObject? result)
    {
        const string Key = "skipResponseBodyEncodeDecode";
        if (result is null)
        {
            context.Report(
                DiagnosticDescriptors.RawBodyNotAllowed, span, Key, method.Name,
                $"the result ({resultType}) would travel in response headers beside the raw body: make it an object whose attributes map to response headers");
            return;
        }

        foreach (var (name, attribute) in result.Attributes)
        {
            if (http.Response?.Headers?.ContainsKey(name) != true)
            {
                context.Report(
                    DiagnosticDescriptors.RawBodyNotAllowed, attribute.NameSpan, Key, method.Name,
                    $"result attribute '{name}' is not mapped to a response header, and the raw body has no room for it: map it in 'response: {{ headers: {{ {name}: ... }} }}'");
            }
        }
    }

    private void CheckStatus(int status, SourceSpan span)
    {
        if (status is < 100 or > 599)
        {
            context.Report(DiagnosticDescriptors.InvalidStatusCode, span, status);
        }
    }
}
