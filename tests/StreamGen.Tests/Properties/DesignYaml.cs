using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StreamGen.Tests.Properties.Spec;

namespace StreamGen.Tests.Properties;

/// <summary>Writes a <see cref="DesignSpec"/> as the YAML a person would write: block mappings, flow mappings for simple attributes.</summary>
internal static partial class DesignYaml
{
    public static string Write(DesignSpec design)
    {
        var w = new Writer();
        w.Line(0, "api:");
        w.Line(1, $"name: {Q(design.ApiName)}");
        if (design.Title is { } title)
        {
            w.Line(1, $"title: {Json(title)}");
        }

        if (design.Namespace is { } ns)
        {
            w.Line(1, $"namespace: {Q(ns)}");
        }

        if (design.HttpPort is { } httpPort)
        {
            w.Line(1, $"http: {{ port: {httpPort} }}");
        }

        if (design.GrpcPort is { } grpcPort)
        {
            w.Line(1, $"grpc: {{ port: {grpcPort} }}");
        }

        if (design.Schemes is { Count: > 0 } schemes)
        {
            w.Line(1, "security:");
            foreach (var scheme in schemes)
            {
                var scopes = string.Join(", ", scheme.Scopes.Select(s => $"{Json(s)}: {Json("scope " + s)}"));
                var flows = scheme.Kind == "oauth2" ? ", flows: { clientCredentials: { tokenUrl: \"https://auth.example/token\" } }" : "";
                w.Line(2, $"{Q(scheme.Name)}: {{ kind: {scheme.Kind}, scopes: {{ {scopes} }}{flows} }}");
            }
        }

        if (design.Intercepted)
        {
            // One interceptor around every call of every service, both sides; and per method with inline streamed objects,
            // one that reads each streamed result's and writes each streamed payload's first attribute, once per message.
            w.Line(1, "interceptors:");
            w.Line(2, "around: { description: \"Runs around every call\" }");
            foreach (var (name, result, payload) in Stamps(design))
            {
                var access = new List<string>();
                if (result is not null)
                {
                    access.Add($"readStreamingResult: [{Q(result)}]");
                }

                if (payload is not null)
                {
                    access.Add($"writeStreamingPayload: [{Q(payload)}]");
                }

                w.Line(2, $"{Q(name)}: {{ {string.Join(", ", access)} }}");
            }
        }

        foreach (var (key, types) in new[] { ("types", design.Types.Where(t => !t.IsResultType).ToList()), ("resultTypes", design.Types.Where(t => t.IsResultType).ToList()) })
        {
            if (types.Count == 0)
            {
                continue;
            }

            w.Line(0, $"{key}:");
            foreach (var type in types)
            {
                w.Line(1, $"{Q(type.Name)}:");
                if (type.Identifier is { } identifier)
                {
                    w.Line(2, $"identifier: {Json(identifier)}");
                }

                WriteObject(w, 2, type.Object);
                if (type.Views is { Count: > 0 } views)
                {
                    w.Line(2, "views:");
                    foreach (var view in views)
                    {
                        w.Line(3, $"{Q(view.Name)}: {List(view.Attributes)}");
                    }
                }
            }
        }

        w.Line(0, "services:");
        foreach (var service in design.Services)
        {
            WriteService(w, service, design.Intercepted);
        }

        return w.ToString();
    }

    /// <summary>The per-method streaming interceptors of an intercepted design: name, streamed result attribute read, streamed payload attribute written.</summary>
    private static IEnumerable<(string Name, string? Result, string? Payload)> Stamps(DesignSpec design) =>
        design.Services.SelectMany(s => s.Methods.Select(m => (Name: StampName(s, m), Result: FirstAttribute(m.StreamingResult), Payload: FirstAttribute(m.StreamingPayload))))
            .Where(s => s.Result is not null || s.Payload is not null);

    private static string StampName(ServiceSpec service, MethodSpec method) => $"stamp_{service.Name}_{method.Name}";

    private static string? FirstAttribute(RefSpec? reference) =>
        reference?.Type is InlineExpr { Object.Attributes: [var first, ..] } ? first.Name : null;

    private static void WriteService(Writer w, ServiceSpec service, bool intercepted)
    {
        w.Line(1, $"{Q(service.Name)}:");
        if (intercepted)
        {
            w.Line(2, "serverInterceptors: [around]");
            w.Line(2, "clientInterceptors: [around]");
        }

        if (service.Description is { } description)
        {
            w.Line(2, $"description: {Json(description)}");
        }

        WriteErrors(w, 2, service.Errors);
        var http = new List<string>();
        if (service.HttpPath is { } path)
        {
            http.Add($"path: {Json(path)}");
        }

        if (service.HttpErrors is { Count: > 0 } httpErrors)
        {
            http.Add($"errors: {Map(httpErrors.Select(e => (e.Key, e.Value.ToString(CultureInfo.InvariantCulture))))}");
        }

        if (http.Count > 0)
        {
            w.Line(2, $"http: {{ {string.Join(", ", http)} }}");
        }

        var grpc = new List<string>();
        if (service.GrpcEnabled)
        {
            grpc.Add("enabled: true");
        }

        if (service.GrpcErrors is { Count: > 0 } grpcErrors)
        {
            grpc.Add($"errors: {Map(grpcErrors.Select(e => (e.Key, e.Value)))}");
        }

        if (grpc.Count > 0)
        {
            w.Line(2, $"grpc: {{ {string.Join(", ", grpc)} }}");
        }

        w.Line(2, "methods:");
        if (service.Methods.Count == 0)
        {
            w.Append(" {}");
        }

        foreach (var method in service.Methods)
        {
            w.Line(3, $"{Q(method.Name)}:");
            var empty = true;
            if (method.Description is { } methodDescription)
            {
                w.Line(4, $"description: {Json(methodDescription)}");
                empty = false;
            }

            if (intercepted && (FirstAttribute(method.StreamingResult) ?? FirstAttribute(method.StreamingPayload)) is not null)
            {
                w.Line(4, $"serverInterceptors: [{StampName(service, method)}]");
                w.Line(4, $"clientInterceptors: [{StampName(service, method)}]");
                empty = false;
            }

            if (method.Security is { } security)
            {
                w.Line(4, "security:");
                foreach (var requirement in security)
                {
                    w.Line(5, $"- {{ schemes: [{string.Join(", ", requirement.Schemes.Select(Json))}], scopes: [{string.Join(", ", requirement.Scopes.Select(Json))}] }}");
                }

                empty = false;
            }

            foreach (var (key, reference) in new[] { ("payload", method.Payload), ("streamingPayload", method.StreamingPayload), ("result", method.Result), ("streamingResult", method.StreamingResult) })
            {
                if (reference is not null)
                {
                    WriteReference(w, 4, key, reference);
                    empty = false;
                }
            }

            if (method.Errors.Count > 0)
            {
                WriteErrors(w, 4, method.Errors);
                empty = false;
            }

            if (method.Http is { } methodHttp)
            {
                WriteHttp(w, methodHttp);
                empty = false;
            }

            if (method.Grpc is { } methodGrpc)
            {
                var parts = new List<string>();
                if (methodGrpc.Enabled is { } enabled)
                {
                    parts.Add($"enabled: {(enabled ? "true" : "false")}");
                }

                if (methodGrpc.Errors is { Count: > 0 } errors)
                {
                    parts.Add($"errors: {Map(errors.Select(e => (e.Key, e.Value)))}");
                }

                w.Line(4, parts.Count == 0 ? "grpc: {}" : $"grpc: {{ {string.Join(", ", parts)} }}");
                empty = false;
            }

            if (empty)
            {
                w.Append(" {}");
            }
        }
    }

    private static void WriteHttp(Writer w, HttpSpec http)
    {
        w.Line(4, "http:");
        w.Line(5, $"{http.Verb}: {Json(http.Path)}");
        if (http.Params.Count > 0)
        {
            w.Line(5, $"params: {List(http.Params)}");
        }

        if (http.Headers.Count > 0)
        {
            w.Line(5, $"headers: {Map(http.Headers.Select(h => (h.Key, Json(h.Value))))}");
        }

        if (http.Body is { } body)
        {
            w.Line(5, $"body: {Q(body)}");
        }

        var response = new List<string>();
        if (http.Status is { } status)
        {
            response.Add($"status: {status}");
        }

        if (http.ResponseHeaders is { Count: > 0 } responseHeaders)
        {
            response.Add($"headers: {Map(responseHeaders.Select(h => (h.Key, Json(h.Value))))}");
        }

        if (http.ContentType is { } contentType)
        {
            response.Add($"contentType: {Json(contentType)}");
        }

        if (response.Count > 0)
        {
            w.Line(5, $"response: {{ {string.Join(", ", response)} }}");
        }

        if (http.Errors is { Count: > 0 } errors)
        {
            w.Line(5, $"errors: {Map(errors.Select(e => (e.Key, e.Value.ToString(CultureInfo.InvariantCulture))))}");
        }

        if (http.ServerSentEvents is { } sse)
        {
            var parts = new[] { ("id", sse.Id), ("event", sse.Event), ("retry", sse.Retry), ("lastEventId", sse.LastEventId) }
                .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}: {Q(p.Item2!)}").ToList();
            w.Line(5, parts.Count == 0 ? "serverSentEvents: {}" : $"serverSentEvents: {{ {string.Join(", ", parts)} }}");
        }

        if (http.SkipRequestBody)
        {
            w.Line(5, "skipRequestBodyEncodeDecode: true");
        }

        if (http.SkipResponseBody)
        {
            w.Line(5, "skipResponseBodyEncodeDecode: true");
        }
    }

    private static void WriteErrors(Writer w, int indent, IReadOnlyList<ErrorSpec> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        w.Line(indent, "errors:");
        foreach (var error in errors)
        {
            var flags = new List<string>();
            if (error.Description is { } description)
            {
                flags.Add($"description: {Json(description)}");
            }

            if (error.Temporary)
            {
                flags.Add("temporary: true");
            }

            if (error.Timeout)
            {
                flags.Add("timeout: true");
            }

            if (error.Fault)
            {
                flags.Add("fault: true");
            }

            w.Line(indent + 1, $"{Q(error.Name)}: {{ {string.Join(", ", flags)} }}".Replace("{  }", "{}", StringComparison.Ordinal));
        }
    }

    private static void WriteReference(Writer w, int indent, string key, RefSpec reference)
    {
        if (reference.Type is InlineExpr inline)
        {
            w.Line(indent, $"{key}:");
            if (reference.Description is { } description && inline.Object.Description is null)
            {
                w.Line(indent + 1, $"description: {Json(description)}");
            }

            WriteObject(w, indent + 1, inline.Object);
        }
        else if (reference.View is null && reference.Description is null)
        {
            w.Line(indent, $"{key}: {TypeText(reference.Type)}");
        }
        else
        {
            var parts = new List<string> { $"type: {TypeText(reference.Type)}" };
            if (reference.View is { } view)
            {
                parts.Add($"view: {Q(view)}");
            }

            if (reference.Description is { } description)
            {
                parts.Add($"description: {Json(description)}");
            }

            w.Line(indent, $"{key}: {{ {string.Join(", ", parts)} }}");
        }
    }

    private static void WriteObject(Writer w, int indent, ObjectSpec type)
    {
        if (type.Description is { } description)
        {
            w.Line(indent, $"description: {Json(description)}");
        }

        w.Line(indent, "attributes:");
        if (type.Attributes.Count == 0)
        {
            w.Append(" {}");
        }

        foreach (var attribute in type.Attributes)
        {
            var parts = new List<string>();
            if (attribute.Type is not InlineExpr)
            {
                parts.Add($"type: {TypeText(attribute.Type)}");
            }

            if (attribute.Field is { } field)
            {
                parts.Add($"field: {field}");
            }

            if (attribute.Description is { } attributeDescription && attribute.Type is not InlineExpr { Object.Description: not null })
            {
                parts.Add($"description: {Json(attributeDescription)}");
            }

            parts.AddRange(attribute.Validations.Select(v => $"{v.Key}: {v.Value}"));
            if (attribute.Type is InlineExpr inline)
            {
                w.Line(indent + 1, $"{Q(attribute.Name)}:");
                foreach (var part in parts)
                {
                    w.Line(indent + 2, part);
                }

                WriteObject(w, indent + 2, inline.Object);
            }
            else
            {
                w.Line(indent + 1, $"{Q(attribute.Name)}: {{ {string.Join(", ", parts)} }}");
            }
        }

        if (type.Required.Count > 0)
        {
            w.Line(indent, $"required: {List(type.Required)}");
        }
    }

    private static string TypeText(TypeExpr type) => type is PrimitiveExpr or NamedExpr ? Q(type.Text) : Json(type.Text);

    private static string List(IEnumerable<string> names) => $"[{string.Join(", ", names.Select(Q))}]";

    private static string Map(IEnumerable<(string Key, string Value)> entries) => $"{{ {string.Join(", ", entries.Select(e => $"{Q(e.Key)}: {e.Value}"))} }}";

    /// <summary>A name, plain where YAML reads it back as the same string, double-quoted otherwise.</summary>
    public static string Q(string name) =>
        PlainName().IsMatch(name) && name is not ("true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "null" or "Null" or "NULL") ? name : Json(name);

    public static string Json(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();

    private sealed class Writer
    {
        private readonly StringBuilder _text = new();

        public void Line(int indent, string text) => _text.Append('\n').Append(' ', indent * 2).Append(text);

        public void Append(string text) => _text.Append(text);

        public override string ToString() => _text.ToString().TrimStart('\n') + "\n";
    }
}
