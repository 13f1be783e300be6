using StreamGen.Design;
using StreamGen.Model.TypeScript;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>One client method of the TypeScript module: its signature, its request as the HTTP endpoint maps it, and its answer.</summary>
internal sealed class TypeScriptMethodBuilder(TypeScriptPass pass, DesignMethod design, MethodModel method)
{
    private readonly HttpEndpointModel _http = method.Http!;

    public TypeScriptMethodModel Build()
    {
        var payload = pass.Use(design, TypeRole.Payload);
        var send = pass.Use(design, TypeRole.StreamingPayload);
        var (receiveType, receiveRule) = pass.Use(design, method.StreamingResult is not null ? TypeRole.StreamingResult : TypeRole.Result);
        var fixedView = (method.StreamingResult ?? method.Result)?.FixedView?.DesignName;
        if (fixedView is not null)
        {
            receiveType = pass.ViewTypeName(design, method.StreamingResult is not null ? TypeRole.StreamingResult : TypeRole.Result, fixedView);
        }

        var call = _http.IsRawResponse ? TypeScriptCallKind.RawResponse
            : _http.IsJsonLines ? method.StreamingPayload is not null ? TypeScriptCallKind.JsonLinesUpload : TypeScriptCallKind.JsonLines
            : _http.Sse is not null ? TypeScriptCallKind.ServerSentEvents
            : _http.IsWebSocket ? TypeScriptCallKind.WebSocket
            : method.Result is not null ? TypeScriptCallKind.Result
            : TypeScriptCallKind.NoContent;
        var parameters = new List<string>();
        if (method.HasPayload)
        {
            parameters.Add($"payload: {payload.TypeName}");
        }

        if (_http.IsRawRequest)
        {
            parameters.Add("body: BodyInit");
        }

        parameters.Add("options?: CallOptions");
        return new TypeScriptMethodModel
        {
            Name = pass.MethodName(design),
            Description = TypeScriptDocs.Lines(design.Description),
            Parameters = string.Join(", ", parameters),
            ReturnType = $"Promise<{Answer(call, send.TypeName, receiveType)}>",
            HasPayload = method.HasPayload,
            PayloadTypeName = payload.TypeName,
            PayloadRule = payload.Rule,
            VerbLiteral = TypeScriptStrings.Quote(_http.Verb),
            Path = _http.RouteSegments
                .Select(s => s.Parameter is { } parameter ? new TypeScriptSegmentModel("", Access(parameter.Property.JsonName)) : new TypeScriptSegmentModel(TypeScriptStrings.Quote(s.Literal), null))
                .ToList(),
            Query = _http.QueryParameters.Select(Parameter).ToList(),
            Headers = _http.HeaderParameters.Concat(_http.LastEventId is { } last ? [last] : []).Select(Parameter).ToList(),
            Body = Body(),
            BodyAccess = _http.RequestBody?.Attribute is { } attribute ? Access(attribute.JsonName) : "",
            BodyProperties = _http.RequestBody is { IsPartial: true } partial
                ? partial.Properties.Select(p => new TypeScriptParameterModel(TypeScriptStrings.Quote(p.JsonName), TypeScriptNaming.PropertyKey(p.JsonName), Access(p.JsonName))).ToList()
                : [],
            Call = call,
            SendTypeName = send.TypeName,
            SendRule = send.Rule,
            ReceiveTypeName = receiveType,
            ReceiveRule = receiveRule,
            FixedViewLiteral = fixedView is null ? "undefined" : TypeScriptStrings.Quote(fixedView),
            ResumesLiteral = _http.LastEventId is null ? "false" : "true",
            OwnCredentialsLiteral = OwnCredentials(),
            PairsBasicCredentials = _http.Credentials.Any(c => c.Part == "username"),
            ResultHasBodyLiteral = _http.HasResponseBody ? "true" : "false",
            ResponseHeaders = _http.ResponseHeaders
                .Select(h => new TypeScriptResponseHeaderModel(TypeScriptStrings.Quote(h.Property.JsonName), TypeScriptStrings.Quote(h.Header), pass.AttributeRule(design, h.Property.JsonName)))
                .ToList(),
        };
    }

    /// <summary>What the method's promise resolves to: the stream interface of its shape, the raw response, the result, or nothing.</summary>
    private string Answer(TypeScriptCallKind call, string send, string receive) => call switch
    {
        TypeScriptCallKind.RawResponse => "Response",
        TypeScriptCallKind.ServerSentEvents => $"EventStream<{receive}>",
        TypeScriptCallKind.JsonLines => $"ServerStream<{receive}>",
        TypeScriptCallKind.JsonLinesUpload => method.Result is not null ? $"ClientResultStream<{send}, {receive}>" : $"ClientStream<{send}>",
        TypeScriptCallKind.WebSocket => method.Kind switch
        {
            StreamKind.Server => $"ServerStream<{receive}>",
            StreamKind.Bidirectional => $"BidirectionalStream<{send}, {receive}>",
            _ when method.Result is not null => $"ClientResultStream<{send}, {receive}>",
            _ => $"ClientStream<{send}>",
        },
        TypeScriptCallKind.Result => receive,
        _ => "void",
    };

    /// <summary>The payload's credentials by scheme; a Basic username and password make one pair.</summary>
    private string? OwnCredentials()
    {
        var credentials = _http.Credentials;
        if (credentials.Count == 0)
        {
            return null;
        }

        var entries = new List<string>();
        foreach (var credential in credentials.Where(c => c.Part != "password"))
        {
            var value = credential.Part == "username"
                ? $"pair({Access(credential.Property.JsonName)}, {Access(credentials.First(c => c.SchemeName == credential.SchemeName && c.Part == "password").Property.JsonName)})"
                : Access(credential.Property.JsonName);
            entries.Add($"{TypeScriptStrings.Quote(credential.SchemeName)}: {value}");
        }

        return "{ " + string.Join(", ", entries) + " }";
    }

    private TypeScriptBodyKind Body() => _http.IsRawRequest ? TypeScriptBodyKind.Raw
        : _http.RequestBody is not { } body ? TypeScriptBodyKind.None
        : body.IsWhole ? TypeScriptBodyKind.Whole
        : body.IsAttribute ? TypeScriptBodyKind.Attribute
        : TypeScriptBodyKind.Partial;

    private static TypeScriptParameterModel Parameter(ParameterModel parameter) =>
        new(TypeScriptStrings.Quote(parameter.Key), TypeScriptNaming.PropertyKey(parameter.Key), Access(parameter.Property.JsonName));

    /// <summary>How the method body reads a payload attribute from the validated payload (<c>checked.topic</c>).</summary>
    private static string Access(string attribute) => "checked" + TypeScriptNaming.PropertyAccess(attribute);
}
