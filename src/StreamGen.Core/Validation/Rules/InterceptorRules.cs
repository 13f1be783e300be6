using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;

namespace StreamGen.Validation.Rules;

/// <summary>
/// Interceptors: lists that name declared interceptors, each once per method, and interceptors that read and write only
/// parts and attributes every method they run on has, with one type per attribute across those methods (the generated
/// view has one).
/// </summary>
internal sealed class InterceptorRules(ValidationContext context)
{
    private static readonly TypeRole[] Roles = [TypeRole.Payload, TypeRole.Result, TypeRole.StreamingPayload, TypeRole.StreamingResult];

    // Records, not tuples: a dictionary over value tuples is generic code over structs that ReadyToRun cannot precompile.
    private readonly Dictionary<SeenAttribute, SeenSignature> _seen = [];

    private OrderedDictionary<string, DesignInterceptor> Interceptors => context.Document.Api?.Interceptors ?? [];

    public void Run()
    {
        foreach (var (name, interceptor) in Interceptors)
        {
            CheckLists(name, interceptor);
        }

        foreach (var service in context.Document.Services.ValuesOrEmpty())
        {
            CheckNames(service, "serverInterceptors", service.ServerInterceptors, $"service '{service.Name}'");
            CheckNames(service, "clientInterceptors", service.ClientInterceptors, $"service '{service.Name}'");
        }

        foreach (var (service, method) in context.Methods)
        {
            CheckNames(method, "serverInterceptors", method.ServerInterceptors, $"method '{method.Name}'");
            CheckNames(method, "clientInterceptors", method.ClientInterceptors, $"method '{method.Name}'");
            CheckMethod(service, method, "serverInterceptors", method.ServerInterceptorsOf(service));
            CheckMethod(service, method, "clientInterceptors", method.ClientInterceptorsOf(service));
        }
    }

    private void CheckLists(string name, DesignInterceptor interceptor)
    {
        foreach (var key in DesignInterceptor.AccessKeys)
        {
            var list = List(interceptor, key);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                if (!seen.Add(list[i]))
                {
                    context.Report(DiagnosticDescriptors.InterceptorAttributeListedTwice, interceptor.ItemSpanOf(key, i), name, list[i], key);
                }
            }
        }
    }

    private void CheckNames(DesignElement owner, string key, List<string>? names, string where)
    {
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            var name = names![i];
            if (!Interceptors.ContainsKey(name))
            {
                context.ReportWithHint(DiagnosticDescriptors.UnknownInterceptor, owner.ItemSpanOf(key, i), NameSuggester.Hint(name, Interceptors.Keys), where, name);
            }
        }
    }

    private void CheckMethod(DesignService service, DesignMethod method, string key, IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!Interceptors.TryGetValue(name, out var interceptor))
            {
                continue;
            }

            var span = Span(service, method, key, name);
            if (!seen.Add(name))
            {
                context.Report(DiagnosticDescriptors.InterceptorListedTwice, span, key == "serverInterceptors" ? "The server" : "The client", name, method.Name,
                    "listed by its service and by the method, or twice in one list");
                continue;
            }

            foreach (var role in Roles)
            {
                CheckRole(name, interceptor, method, role, span);
            }
        }
    }

    private void CheckRole(string name, DesignInterceptor interceptor, DesignMethod method, TypeRole role, SourceSpan span)
    {
        var (reads, writes) = interceptor.Access(role);
        if (reads.Count == 0 && writes.Count == 0)
        {
            return;
        }

        var part = Part(role);
        var verb = Verb(reads.Count > 0, writes.Count > 0);
        var reference = method.TypeReference(role);
        if (reference is null)
        {
            var why = role switch
            {
                TypeRole.StreamingPayload or TypeRole.StreamingResult => $"has no {part} (it does not stream {(role == TypeRole.StreamingPayload ? "requests" : "results")})",
                _ => $"has no {part}",
            };
            context.Report(DiagnosticDescriptors.InterceptorPartMissing, span, name, verb, part, method.Name, why);
            return;
        }

        if (role == TypeRole.Result && (method.StreamingPayload is not null || method.Http?.SkipResponseBodyEncodeDecode == true))
        {
            var how = method.StreamingPayload is not null ? "sends its result on the stream (SendAndCloseAsync)" : "returns its result with a raw response body";
            context.Report(DiagnosticDescriptors.InterceptorPartMissing, span, name, verb, part, method.Name, how + ", which interceptors do not see yet");
            return;
        }

        var type = context.Index.TypeOf(reference, ValidationContext.Where(method, role));
        if (context.Index.ObjectOf(type) is not { } shape)
        {
            if (type is not null)
            {
                context.Report(DiagnosticDescriptors.InterceptorPartMissing, span, name, verb, part, method.Name, $"has a {part} of type {type}, not an object with attributes");
            }

            return;
        }

        foreach (var attribute in reads)
        {
            CheckAttribute(name, method, span, part, shape, attribute, writes: false);
        }

        foreach (var attribute in writes)
        {
            CheckAttribute(name, method, span, part, shape, attribute, writes: true);
        }
    }

    private void CheckAttribute(string name, DesignMethod method, SourceSpan span, string part, DesignObject shape, string attribute, bool writes)
    {
        if (!shape.Attributes.TryGetValue(attribute, out var declared))
        {
            context.ReportWithHint(DiagnosticDescriptors.InterceptorAttributeMissing, span, NameSuggester.Hint(attribute, shape.Attributes.Keys),
                name, writes ? "writes" : "reads", part, attribute, method.Name);
            return;
        }

        var signature = Signature(shape, attribute, declared);
        var key = new SeenAttribute(name, part, attribute);
        if (_seen.TryGetValue(key, out var first))
        {
            if (first.Signature != signature)
            {
                context.Report(DiagnosticDescriptors.InterceptorAttributeTypesDiffer, span, name, part, attribute, first.Signature, first.Method, signature, method.Name);
            }
        }
        else
        {
            _seen[key] = new SeenSignature(signature, method.Name);
        }
    }

    /// <summary>How the attribute reads in C#: its type, its enum and whether a value may leave it out.</summary>
    private static string Signature(DesignObject shape, string attribute, DesignAttribute declared)
    {
        var type = declared.Type ?? (declared.Attributes is not null ? "an inline object" : "Any");
        var values = declared.Enum is { Count: > 0 } e ? $" enum [{string.Join(", ", e.Select(v => v.ToString()))}]" : "";
        return (shape.IsOptional(attribute) ? "optional " : "required ") + type + values;
    }

    private static SourceSpan Span(DesignService service, DesignMethod method, string key, string name)
    {
        var own = key == "serverInterceptors" ? method.ServerInterceptors : method.ClientInterceptors;
        var index = own?.IndexOf(name) ?? -1;
        if (index >= 0)
        {
            return method.ItemSpanOf(key, index);
        }

        var inherited = key == "serverInterceptors" ? service.ServerInterceptors : service.ClientInterceptors;
        return service.ItemSpanOf(key, inherited?.IndexOf(name) ?? 0);
    }

    private static List<string> List(DesignInterceptor interceptor, string key) => key switch
    {
        "readPayload" => interceptor.ReadPayload ?? [],
        "writePayload" => interceptor.WritePayload ?? [],
        "readResult" => interceptor.ReadResult ?? [],
        "writeResult" => interceptor.WriteResult ?? [],
        "readStreamingPayload" => interceptor.ReadStreamingPayload ?? [],
        "writeStreamingPayload" => interceptor.WriteStreamingPayload ?? [],
        "readStreamingResult" => interceptor.ReadStreamingResult ?? [],
        _ => interceptor.WriteStreamingResult ?? [],
    };

    private static string Verb(bool reads, bool writes) => (reads, writes) switch
    {
        (true, true) => "reads and writes",
        (true, false) => "reads",
        _ => "writes",
    };

    public static string Part(TypeRole role) => role switch
    {
        TypeRole.Payload => "payload",
        TypeRole.Result => "result",
        TypeRole.StreamingPayload => "streaming payload",
        _ => "streaming result",
    };

    /// <summary>An attribute an interceptor reads or writes in one part (<see cref="Part"/>) of the methods it runs on.</summary>
    private sealed record SeenAttribute(string Interceptor, string Part, string Attribute);

    /// <summary>The attribute's signature where it was first seen, and that method.</summary>
    private sealed record SeenSignature(string Signature, string Method);
}
