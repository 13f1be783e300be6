using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;
using StreamGen.Naming;

namespace StreamGen.Model;

/// <summary>HTTP endpoints: routes, where payload attributes travel, bodies, statuses, SSE and raw bodies.</summary>
public sealed partial class ModelBuilder
{
    private HttpEndpointModel BuildHttp(DesignService service, DesignMethod method, MethodModel model)
    {
        var http = method.Http!;
        var (verb, path) = new[] { ("GET", http.Get), ("POST", http.Post), ("PUT", http.Put), ("PATCH", http.Patch), ("DELETE", http.Delete) }
            .First(v => v.Item2 is not null);
        var route = RoutePattern.Parse(RoutePattern.Join(service.Http?.Path, path!), out _)!;
        var payload = model.Payload?.Record;
        PropertyModel PayloadProperty(string name) => payload!.Properties.First(p => p.JsonName == name);

        var pathParameters = route.Parameters.Select(p => Parameter(PayloadProperty(p), p)).ToList();
        var queryParameters = (http.Params ?? []).Select(p => Parameter(PayloadProperty(p), p)).ToList();
        var headerParameters = (http.Headers ?? []).Select(h => Parameter(PayloadProperty(h.Key), h.Value)).ToList();
        var lastEventId = http.ServerSentEvents?.LastEventId is { } last ? Parameter(PayloadProperty(last), "Last-Event-ID") : null;
        var mapped = pathParameters.Concat(queryParameters).Concat(headerParameters).Concat(lastEventId is null ? [] : [lastEventId])
            .Select(p => p.Property.JsonName).ToHashSet(StringComparer.Ordinal);

        var isRawRequest = http.SkipRequestBodyEncodeDecode == true;
        var isRawResponse = http.SkipResponseBodyEncodeDecode == true;
        var isWebSocket = model.IsStreaming && http.ServerSentEvents is null;
        var hasBody = verb != "GET" && !model.IsStreaming && !isRawRequest && model.Payload is not null;
        var requestBody = hasBody ? Body(model, model.Payload!, http.Body, mapped, "RequestBody") : null;

        var result = model.Result?.Record ?? model.StreamingResult?.Record;
        var responseHeaders = (http.Response?.Headers ?? []).Select(h =>
        {
            var property = result!.Properties.First(p => p.JsonName == h.Key);
            var (parse, format) = ParameterMethods(property.Type);
            return new ResponseHeaderModel(property, h.Value, CSharpLiterals.String(h.Value), format, parse);
        }).ToList();
        var headerNames = responseHeaders.Select(h => h.Property.JsonName).ToHashSet(StringComparer.Ordinal);
        var responseBody = !model.IsStreaming && !isRawResponse && model.Result is not null
            ? Body(model, model.Result, null, headerNames, "ResponseBody")
            : null;

        var statusDefault = model.Result is not null || isRawResponse ? 200 : 204;
        return new HttpEndpointModel
        {
            Verb = verb,
            Route = route.Text,
            RouteLiteral = CSharpLiterals.String(route.Text),
            RouteSegments = RouteSegments(route, pathParameters),
            PathParameters = pathParameters,
            QueryParameters = queryParameters,
            HeaderParameters = headerParameters,
            LastEventId = lastEventId,
            RequestBody = requestBody,
            ResponseBody = responseBody,
            ResponseHeaders = responseHeaders,
            SuccessStatus = http.Response?.Status ?? statusDefault,
            Errors = ErrorStatuses(service, method),
            Sse = http.ServerSentEvents is { } sse ? new SseModel
            {
                Id = SseField(result!, sse.Id, "idValue"),
                Event = SseField(result!, sse.Event, "eventValue"),
                Retry = SseField(result!, sse.Retry, "retryValue"),
            } : null,
            IsRawRequest = isRawRequest,
            IsRawResponse = isRawResponse,
            RawResponseContentType = http.Response?.ContentType ?? "application/octet-stream",
            RawResponseContentTypeLiteral = CSharpLiterals.String(http.Response?.ContentType ?? "application/octet-stream"),
            IsWebSocket = isWebSocket,
        };
    }

    private static SseFieldModel? SseField(TypeModel result, string? attribute, string localName)
    {
        if (attribute is null)
        {
            return null;
        }

        var property = result.Properties.First(p => p.JsonName == attribute);
        return new SseFieldModel(property, ParameterMethods(property.Type).Format, localName);
    }

    private static List<ErrorStatusModel> ErrorStatuses(DesignService service, DesignMethod method)
    {
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, status) in service.Http?.Errors ?? [])
        {
            statuses[name] = status;
        }

        foreach (var (name, status) in method.Http?.Errors ?? [])
        {
            statuses[name] = status;
        }

        return statuses.Select(s => new ErrorStatusModel(CSharpLiterals.String(s.Key), s.Value)).ToList();
    }

    private ParameterModel Parameter(PropertyModel property, string key)
    {
        var (parse, format) = ParameterMethods(property.Type);
        return new ParameterModel
        {
            Property = property,
            Key = key,
            KeyLiteral = CSharpLiterals.String(key),
            ParseMethod = parse,
            FormatMethod = format,
            IsArray = property.Type.IsArray,
            ElementTypeName = (property.Type.Element ?? property.Type).TypeName,
            ArrayParseMethod = (property.Type.Element ?? property.Type).IsValueType ? "ParseValueArray" : "ParseReferenceArray",
            LocalName = "p" + CSharpNaming.ToPascalCase(property.JsonName),
        };
    }

    /// <summary>The runtime methods that parse and format one value of a path/query/header parameter.</summary>
    private static (string Parse, string Format) ParameterMethods(TypeRefModel type)
    {
        var element = (type.IsArray ? type.Element! : type).JsonInfoName;
        return ($"Parse{element}", $"Format{element}");
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
    /// The body of a request or response: the whole type, one named attribute, or a generated record of the
    /// attributes that travel nowhere else (null when every attribute travels elsewhere).
    /// </summary>
    private BodyModel? Body(MethodModel method, TypeUseModel use, string? attribute, HashSet<string> elsewhere, string suffix)
    {
        if (use.Record is not { } record)
        {
            return new BodyModel { TypeName = use.TypeName, JsonInfoName = use.Type.JsonInfoName, IsWhole = true, Attribute = null, Properties = [] };
        }

        if (attribute is not null)
        {
            var property = record.Properties.First(p => p.JsonName == attribute);
            return new BodyModel { TypeName = property.Type.TypeName, JsonInfoName = property.Type.JsonInfoName, IsWhole = false, Attribute = property, Properties = [] };
        }

        var rest = record.Properties.Where(p => !elsewhere.Contains(p.JsonName)).ToList();
        if (rest.Count == 0)
        {
            return null;
        }

        if (rest.Count == record.Properties.Count)
        {
            return new BodyModel { TypeName = record.FullName, JsonInfoName = record.Name, IsWhole = true, Attribute = null, Properties = [] };
        }

        var name = _typeNames.Allocate(method.Name + suffix, record.Name + suffix);
        var body = new TypeModel
        {
            Name = name,
            FullName = $"global::{_namespace}.{name}",
            DesignName = name,
            Description = [EscapeXml($"The HTTP {(suffix == "RequestBody" ? "request" : "response")} body of {method.DesignName}: the attributes that travel in no path, query or header.")],
            Properties = rest.Select(p => p with { Checks = [] }).ToList(),
            Views = [],
            ViewEnumName = null,
            Patterns = [],
        };
        _bodyTypes.Add(body);
        return new BodyModel { TypeName = body.FullName, JsonInfoName = body.Name, IsWhole = false, Attribute = null, Properties = rest };
    }
}
