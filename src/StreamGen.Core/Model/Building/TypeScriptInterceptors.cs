using StreamGen.Design;
using StreamGen.Model.TypeScript;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>
/// The TypeScript client's interceptors (Goa's ClientInterceptor), as the C# clients have them: an interface per service
/// with a method per interceptor, info interfaces narrowed to the attributes each reads (readonly) and writes, and per
/// method the steps that run around the call (in declared order) and around each streamed message.
/// </summary>
internal sealed class TypeScriptInterceptors(ModelContext context, DesignService service, ServiceModel model, string clientClassName)
{
    private OrderedDictionary<string, DesignInterceptor> Declared => context.Api.Interceptors ?? [];

    /// <summary>The client with its interceptors interface, and each intercepted method with its steps.</summary>
    public TypeScriptClientModel Apply(TypeScriptClientModel client, IReadOnlyList<TypeScriptMethodUse> methods)
    {
        var used = methods.SelectMany(m => RunOn(m.Design)).Distinct(StringComparer.Ordinal).ToList();
        if (used.Count == 0)
        {
            return client;
        }

        var infoNames = model.Interception?.Client?.Interceptors.ToDictionary(i => i.DesignName, i => i.InfoName, StringComparer.Ordinal) ?? [];
        return client with
        {
            InterceptorsInterfaceName = clientClassName + "Interceptors",
            Interceptors = [.. used.Select(name => Interceptor(name, infoNames.GetValueOrDefault(name) ?? CSharpNaming.ToPascalCase(name) + "Info", methods))],
            Methods = [.. methods.Select(m => RunOn(m.Design) is { Count: > 0 } names ? m.Model with { Interception = Interception(m.Design, m.Model, names) } : m.Model)],
        };
    }

    private List<string> RunOn(DesignMethod method) => [.. method.ClientInterceptorsOf(service).Where(Declared.ContainsKey)];

    private TypeScriptInterceptorModel Interceptor(string name, string infoName, IReadOnlyList<TypeScriptMethodUse> methods)
    {
        var interceptor = Declared[name];
        var parts = new List<TypeScriptInfoPartModel>();
        AddPart(TypeRole.Payload, "payload", (d, m) => m.HasPayload ? m.PayloadTypeName : null);
        AddPart(TypeRole.Result, "result", (d, m) => d.Result is not null && !m.IsWebSocket && !m.IsServerSentEvents ? m.ReceiveTypeName : null);
        AddPart(TypeRole.StreamingPayload, "streamingPayload", (d, m) => d.StreamingPayload is not null ? m.SendTypeName : null);
        AddPart(TypeRole.StreamingResult, "streamingResult", (d, m) => d.StreamingResult is not null ? m.ReceiveTypeName : null);

        return new TypeScriptInterceptorModel
        {
            MethodName = TypeScriptNaming.PropertyKey(name),
            InfoName = infoName,
            Description = TypeScriptDocs.Lines(interceptor.Description),
            Parts = parts,
        };

        void AddPart(TypeRole role, string key, Func<DesignMethod, TypeScriptMethodModel, string?> type)
        {
            var (reads, writes) = interceptor.Access(role);
            var typeName = methods.Where(m => RunOn(m.Design).Contains(name)).Select(m => type(m.Design, m.Model)).FirstOrDefault(t => t is not null);
            if (typeName is null || (reads.Count == 0 && writes.Count == 0))
            {
                return;
            }

            parts.Add(new TypeScriptInfoPartModel
            {
                Key = key,
                TypeName = typeName,
                ReadOnlyKeys = [.. reads.Except(writes).Select(TypeScriptStrings.Quote)],
                WrittenKeys = [.. writes.Select(TypeScriptStrings.Quote)],
            });
        }
    }

    private TypeScriptInterceptionModel Interception(DesignMethod method, TypeScriptMethodModel ts, List<string> names)
    {
        TypeScriptInterceptorStepModel Step(string name, string callType) => new()
        {
            Access = TypeScriptNaming.PropertyAccess(name),
            ServiceLiteral = TypeScriptStrings.Quote(service.Name),
            MethodLiteral = TypeScriptStrings.Quote(method.Name),
            CallType = callType,
        };

        var returnsResult = method.Result is not null && !ts.IsWebSocket && !ts.IsServerSentEvents && !ts.IsRawResponse;
        return new TypeScriptInterceptionModel
        {
            CallSteps = [.. names.Select(name => Step(name, "unary") with
            {
                PassesPayload = Declared[name].Accesses(TypeRole.Payload) && ts.HasPayload,
                PassesResult = Declared[name].Accesses(TypeRole.Result) && returnsResult,
            })],
            SendSteps = method.StreamingPayload is null ? []
                : [.. names.Where(n => Declared[n].Accesses(TypeRole.StreamingPayload)).Select(name => Step(name, "streamingSend") with { PassesStreamingPayload = true })],
            RecvSteps = method.StreamingResult is null ? []
                : [.. names.Where(n => Declared[n].Accesses(TypeRole.StreamingResult)).Select(name => Step(name, "streamingRecv") with { PassesStreamingResult = true })],
        };
    }
}
