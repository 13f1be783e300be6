using StreamGen.Design;
using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>
/// Where a method's attributes travel over HTTP, and how its errors map to statuses, decided from the design alone, so
/// the name pass (which names body records and status tables) and the transport passes (which build them) read the
/// same answer.
/// </summary>
internal static class HttpMapping
{
    /// <summary>The method's verb and its full route, service base path included.</summary>
    public static MethodRoute Route(DesignService service, DesignMethodHttp http)
    {
        var (verb, path) = http.Routes().First();
        return new MethodRoute(verb, RoutePattern.Parse(RoutePattern.Join(service.Http?.Path, path), out _)!);
    }

    /// <summary>
    /// Payload attributes read from the path, the query string, headers and Last-Event-ID, in that order, then those that
    /// carry credentials (which travel where their scheme says).
    /// </summary>
    public static IReadOnlyList<string> PayloadOutsideBody(RoutePattern route, DesignMethodHttp http, DesignObject? payload) =>
        route.Parameters
            .Concat(http.Params ?? [])
            .Concat(http.Headers.KeysOrEmpty())
            .Concat(http.ServerSentEvents?.LastEventId is { } last ? [last] : [])
            .Concat(CredentialAttributes(payload))
            .ToList();

    /// <summary>The payload's attributes that carry a credential (Goa's TokenField, APIKeyField...).</summary>
    public static IEnumerable<string> CredentialAttributes(DesignObject? payload) =>
        payload?.Attributes.Entries().Where(a => a.Value.Credential is not null).Select(a => a.Key) ?? [];

    /// <summary>The request carries a JSON body: a payload, sent with a verb that has a body, neither streamed nor raw.</summary>
    public static bool HasRequestBody(HttpVerb verb, DesignMethod method, DesignMethodHttp http) =>
        verb != HttpVerb.Get && !IsStreaming(method) && http.SkipRequestBodyEncodeDecode != true && method.Payload is not null;

    /// <summary>The response carries a JSON body: a result, neither streamed nor raw.</summary>
    public static bool HasResponseBody(DesignMethod method, DesignMethodHttp http) =>
        !IsStreaming(method) && http.SkipResponseBodyEncodeDecode != true && method.Result is not null;

    /// <summary>
    /// What of an object travels in the body: all of it, one named attribute, or the attributes that travel nowhere
    /// else (Goa's body types). <paramref name="attributes"/> is null for a primitive or collection, which is whole.
    /// </summary>
    public static BodyShape Shape(IReadOnlyList<string>? attributes, string? bodyAttribute, IEnumerable<string> elsewhere)
    {
        if (attributes is null)
        {
            return new BodyShape(BodyKind.Whole, []);
        }

        if (bodyAttribute is not null)
        {
            return new BodyShape(BodyKind.Attribute, [bodyAttribute]);
        }

        var outside = elsewhere.ToHashSet(StringComparer.Ordinal);
        var rest = attributes.Where(a => !outside.Contains(a)).ToList();
        return rest.Count == 0 ? new BodyShape(BodyKind.None, [])
            : rest.Count == attributes.Count ? new BodyShape(BodyKind.Whole, [])
            : new BodyShape(BodyKind.Partial, rest);
    }

    /// <summary>The status of a successful response: the design's, else 200 with a result or a raw body, else 204.</summary>
    public static int SuccessStatus(DesignMethod method, DesignMethodHttp http) =>
        http.Response?.Status ?? (method.Result is not null || http.SkipResponseBodyEncodeDecode == true ? 200 : 204);

    /// <summary>Error name to status: the service's mapping, overridden by the method's, in the order first mapped.</summary>
    public static IReadOnlyList<ErrorStatus> ErrorStatuses(DesignService service, DesignMethod method)
    {
        // In the service's order, a method's own errors after; a method's mapping replaces the service's in place.
        var statuses = new List<ErrorStatus>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(service.Http?.Errors);
        Add(method.Http?.Errors);
        return statuses;

        void Add(OrderedDictionary<string, int>? errors)
        {
            // foreach, as the validation enumerates the same maps: each member of OrderedDictionary<string, int> used is
            // generic code over int that the JIT compiles at start (ReadyToRun cannot precompile it).
            foreach (var (name, status) in errors ?? [])
            {
                if (positions.TryGetValue(name, out var at))
                {
                    statuses[at] = new ErrorStatus(name, status);
                }
                else
                {
                    positions[name] = statuses.Count;
                    statuses.Add(new ErrorStatus(name, status));
                }
            }
        }
    }

    /// <summary>Error name to gRPC status code name: the service's mapping, overridden by the method's.</summary>
    public static IReadOnlyList<GrpcErrorStatus> GrpcStatuses(DesignService service, DesignMethod method)
    {
        var statuses = new List<GrpcErrorStatus>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var errors in new[] { service.Grpc?.Errors, method.Grpc?.Errors })
        {
            foreach (var (name, code) in errors ?? [])
            {
                if (positions.TryGetValue(name, out var at))
                {
                    statuses[at] = new GrpcErrorStatus(name, code);
                }
                else
                {
                    positions[name] = statuses.Count;
                    statuses.Add(new GrpcErrorStatus(name, code));
                }
            }
        }

        return statuses;
    }

    private static bool IsStreaming(DesignMethod method) => method.StreamingPayload is not null || method.StreamingResult is not null;
}
