using System.Diagnostics;
using StreamGen.Tests.Properties.Spec;

namespace StreamGen.Tests.Properties;

/// <summary>
/// Shrinks a failing design by removing what the failure does not need: services, methods, types, attributes,
/// validations, errors, mappings, descriptions, and by replacing types with String. A step is kept when the smaller
/// design is still valid and still fails the same way (<paramref name="stillFails"/>), so the result is a design a
/// person can read, not just any failing one. Greedy and deterministic; stops at a fixed point or a time limit.
/// </summary>
internal static class DesignShrinker
{
    public static DesignSpec Shrink(DesignSpec design, Func<DesignSpec, bool> stillFails, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var improved = true;
        while (improved && clock.Elapsed < limit)
        {
            improved = false;
            foreach (var candidate in Candidates(design))
            {
                if (clock.Elapsed >= limit)
                {
                    break;
                }

                if (candidate.Size <= design.Size && DesignYaml.Write(candidate).Length < DesignYaml.Write(design).Length && stillFails(candidate))
                {
                    design = candidate;
                    improved = true;
                    break;
                }
            }
        }

        return design;
    }

    private static IEnumerable<DesignSpec> Candidates(DesignSpec d)
    {
        // Big steps first: whole services, methods and types.
        for (var s = 0; s < d.Services.Count; s++)
        {
            if (d.Services.Count > 1)
            {
                yield return d with { Services = Without(d.Services, s) };
            }

            for (var m = 0; m < d.Services[s].Methods.Count; m++)
            {
                yield return WithService(d, s, d.Services[s] with { Methods = Without(d.Services[s].Methods, m) });
            }
        }

        for (var t = 0; t < d.Types.Count; t++)
        {
            yield return d with { Types = Without(d.Types, t) };
        }

        // Then the parts of methods.
        for (var s = 0; s < d.Services.Count; s++)
        {
            var service = d.Services[s];
            if (service.Errors.Count > 0 || service.HttpErrors is { Count: > 0 } || service.GrpcErrors is { Count: > 0 })
            {
                yield return WithService(d, s, service with { Errors = [], HttpErrors = null, GrpcErrors = null, Methods = service.Methods.Select(NoErrorMappings).ToList() });
            }

            if (service.HttpPath is not null || service.Description is not null)
            {
                yield return WithService(d, s, service with { HttpPath = null, Description = null });
            }

            for (var m = 0; m < service.Methods.Count; m++)
            {
                foreach (var method in MethodCandidates(service.Methods[m]))
                {
                    yield return WithService(d, s, service with { Methods = Replace(service.Methods, m, method) });
                }
            }
        }

        // Then attributes, validations and types inside objects, wherever they are.
        for (var t = 0; t < d.Types.Count; t++)
        {
            var type = d.Types[t];
            foreach (var (shrunk, removed) in ObjectCandidates(type.Object))
            {
                var views = type.Views?.Select(v => v with { Attributes = v.Attributes.Where(a => a != removed).ToList() }).Where(v => v.Attributes.Count > 0).ToList();
                yield return ForgetAttribute(d with { Types = Replace(d.Types, t, type with { Object = shrunk, Views = views }) }, removed);
            }

            if (type.Views is { Count: > 1 })
            {
                yield return d with { Types = Replace(d.Types, t, type with { Views = type.Views.Where(v => v.Name == "default").ToList() }) };
            }
        }

        if (d.Title is not null || d.HttpPort is not null || d.GrpcPort is not null || d.Namespace is not null)
        {
            yield return d with { Title = null, HttpPort = null, GrpcPort = null, Namespace = null };
        }
    }

    private static IEnumerable<MethodSpec> MethodCandidates(MethodSpec m)
    {
        if (m.Errors.Count > 0 || m.Http?.Errors is { Count: > 0 } || m.Grpc?.Errors is { Count: > 0 })
        {
            yield return NoErrorMappings(m) with { Errors = [] };
        }

        if (m.Http is not null && m.Grpc is not null && m.Grpc.Enabled != false)
        {
            yield return m with { Http = null };
            yield return m with { Grpc = null };
        }

        if (m.Description is not null)
        {
            yield return m with { Description = null };
        }

        if (m.Http is { } http)
        {
            if (http.ResponseHeaders is { Count: > 0 } || http.Status is not null || http.ContentType is not null)
            {
                yield return m with { Http = http with { ResponseHeaders = null, Status = null, ContentType = null } };
            }

            if (http.ServerSentEvents is { } sse && (sse.Id ?? sse.Event ?? sse.Retry) is not null)
            {
                yield return m with { Http = http with { ServerSentEvents = sse with { Id = null, Event = null, Retry = null } } };
            }
        }

        foreach (var (role, reference) in new[] { ("payload", m.Payload), ("result", m.Result), ("streamingPayload", m.StreamingPayload), ("streamingResult", m.StreamingResult) })
        {
            if (reference is null)
            {
                continue;
            }

            if (role is "payload" or "result")
            {
                yield return Forget(With(m, role, null));
            }

            if (reference.View is not null || reference.Description is not null)
            {
                yield return With(m, role, reference with { View = null, Description = null });
            }

            if (reference.Type is not PrimitiveExpr { Name: "String" })
            {
                yield return Forget(With(m, role, new RefSpec(new PrimitiveExpr("String"))));
            }

            if (reference.Type is InlineExpr inline)
            {
                foreach (var (shrunk, removed) in ObjectCandidates(inline.Object))
                {
                    yield return ForgetInMethod(With(m, role, reference with { Type = new InlineExpr(shrunk) }), removed);
                }
            }
        }
    }

    /// <summary>Objects with one attribute fewer (and the name removed), or one attribute simpler.</summary>
    private static IEnumerable<(ObjectSpec Shrunk, string? Removed)> ObjectCandidates(ObjectSpec type)
    {
        for (var a = 0; a < type.Attributes.Count; a++)
        {
            var attribute = type.Attributes[a];
            yield return (type with { Attributes = Without(type.Attributes, a), Required = type.Required.Where(r => r != attribute.Name).ToList() }, attribute.Name);
        }

        if (type.Description is not null || type.Required.Count > 0)
        {
            yield return (type with { Description = null, Required = [] }, null);
        }

        for (var a = 0; a < type.Attributes.Count; a++)
        {
            var attribute = type.Attributes[a];
            if (attribute.Validations.Count > 0 || attribute.Description is not null)
            {
                yield return (type with { Attributes = Replace(type.Attributes, a, attribute with { Validations = [], Description = null }) }, null);
            }

            if (attribute.Type is not PrimitiveExpr { Name: "String" })
            {
                yield return (type with { Attributes = Replace(type.Attributes, a, attribute with { Type = new PrimitiveExpr("String"), Validations = [] }) }, null);
            }

            if (attribute.Type is InlineExpr inline)
            {
                foreach (var (shrunk, _) in ObjectCandidates(inline.Object))
                {
                    yield return (type with { Attributes = Replace(type.Attributes, a, attribute with { Type = new InlineExpr(shrunk) }) }, null);
                }
            }
        }
    }

    private static MethodSpec With(MethodSpec m, string role, RefSpec? reference) => role switch
    {
        "payload" => m with { Payload = reference },
        "result" => m with { Result = reference },
        "streamingPayload" => m with { StreamingPayload = reference },
        _ => m with { StreamingResult = reference },
    };

    private static MethodSpec NoErrorMappings(MethodSpec m) => m with
    {
        Http = m.Http is null ? null : m.Http with { Errors = null },
        Grpc = m.Grpc is null ? null : m.Grpc with { Errors = null },
    };

    /// <summary>After a payload or result changed shape, drops every mapping of it; the validator decides whether that is still a valid design.</summary>
    private static MethodSpec Forget(MethodSpec m) => m.Http is null ? m : m with
    {
        Http = m.Http with
        {
            Path = string.Join('/', m.Http.Path.Split('/').Where(s => !s.StartsWith('{'))) is { Length: > 0 } path ? path : "/",
            Params = [],
            Headers = [],
            Body = null,
            ResponseHeaders = null,
            ServerSentEvents = m.Http.ServerSentEvents is null ? null : new SseSpec(),
        },
    };

    private static DesignSpec ForgetAttribute(DesignSpec d, string? name) => name is null ? d : d with
    {
        Services = d.Services.Select(s => s with { Methods = s.Methods.Select(m => ForgetInMethod(m, name)).ToList() }).ToList(),
    };

    private static MethodSpec ForgetInMethod(MethodSpec m, string? name) => name is null || m.Http is null ? m : m with
    {
        Http = m.Http with
        {
            Path = m.Http.Path.Replace("/{" + name + "}", "", StringComparison.Ordinal) is { Length: > 0 } path ? path : "/",
            Params = m.Http.Params.Where(p => p != name).ToList(),
            Headers = m.Http.Headers.Where(h => h.Key != name).ToList(),
            Body = m.Http.Body == name ? null : m.Http.Body,
            ResponseHeaders = m.Http.ResponseHeaders?.Where(h => h.Key != name).ToList(),
            ServerSentEvents = m.Http.ServerSentEvents is { } sse
                ? new SseSpec(sse.Id == name ? null : sse.Id, sse.Event == name ? null : sse.Event, sse.Retry == name ? null : sse.Retry, sse.LastEventId == name ? null : sse.LastEventId)
                : null,
        },
    };

    private static DesignSpec WithService(DesignSpec d, int index, ServiceSpec service) => d with { Services = Replace(d.Services, index, service) };

    private static List<T> Without<T>(IReadOnlyList<T> items, int index) => items.Where((_, i) => i != index).ToList();

    private static List<T> Replace<T>(IReadOnlyList<T> items, int index, T item) => items.Select((x, i) => i == index ? item : x).ToList();
}
