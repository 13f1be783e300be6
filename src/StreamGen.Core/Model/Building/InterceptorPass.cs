using StreamGen.Design;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>
/// Interceptors: per interceptor the generated names and typed views (attribute types from the methods it runs on, which
/// validation has made agree), and per service and side the decorator that runs the chains: each method's call steps in
/// the design's order (service's, then method's), its per-message chains, and the call at the end.
/// </summary>
internal sealed class InterceptorPass(ModelContext context, ModelNames names)
{
    private static readonly TypeRole[] Roles = [TypeRole.Payload, TypeRole.Result, TypeRole.StreamingPayload, TypeRole.StreamingResult];

    private readonly Dictionary<string, InterceptorModel> _interceptors = new(StringComparer.Ordinal);

    private readonly List<string> _usings = ["System.CodeDom.Compiler", "System.Threading", "System.Threading.Tasks"];

    /// <summary>The namespaces the interceptors' views and infos need.</summary>
    public IReadOnlyList<string> Usings => CSharpUsings.Of(_usings);

    public (IReadOnlyList<InterceptorModel> Interceptors, IReadOnlyList<ServiceModel> Services) Run(IReadOnlyList<ServiceModel> services)
    {
        if (context.Api.Interceptors is not { Count: > 0 } declared)
        {
            return ([], services);
        }

        var designServices = context.Services.ToList();
        // Records, not tuples: LINQ and lists over value tuples are generic code over structs that ReadyToRun cannot precompile.
        var uses = new List<MethodUse>();
        for (var i = 0; i < services.Count; i++)
        {
            var methods = designServices[i].Methods.ValuesOrEmpty().ToList();
            uses.AddRange(methods.Select((m, j) => new MethodUse(designServices[i], m, services[i].Methods[j])));
        }

        foreach (var (name, interceptor) in declared)
        {
            var users = uses.Where(u => u.Method.ServerInterceptorsOf(u.Service).Concat(u.Method.ClientInterceptorsOf(u.Service)).Contains(name, StringComparer.Ordinal)).ToList();
            if (users.Count > 0)
            {
                _interceptors[name] = Interceptor(name, interceptor, users.Select(u => u.Model).ToList());
            }
        }

        var result = new List<ServiceModel>();
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            var methods = uses.Where(u => u.Service == designServices[i]).ToList();
            var server = Side(service, methods, isServer: true);
            var client = Side(service, methods, isServer: false);
            result.Add(server is null && client is null ? service : service with { Interception = new InterceptionModel(server, client) });
        }

        return (_interceptors.Values.ToList(), result);
    }

    private InterceptorModel Interceptor(string name, DesignInterceptor interceptor, IReadOnlyList<MethodModel> users)
    {
        var owner = new NameOwner($"interceptor '{name}'", interceptor.NameSpan);
        var pascal = CSharpNaming.ToPascalCase(name);
        var views = new List<InterceptorViewModel>();
        foreach (var role in Roles)
        {
            var (reads, writes) = interceptor.Access(role);
            if (reads.Count == 0 && writes.Count == 0)
            {
                continue;
            }

            var record = users.Select(m => Use(m, role)?.Record).OfType<TypeModel>().First();
            var attributes = reads.Concat(writes).Distinct(StringComparer.Ordinal)
                .Select(a => Attribute(record, a, writes.Contains(a, StringComparer.Ordinal)))
                .ToList();
            var part = RoleName(role);
            views.Add(new InterceptorViewModel
            {
                Role = role,
                InterfaceName = names.Types.Allocate(owner, $"I{pascal}{part}", $"I{pascal}Interceptor{part}"),
                PropertyName = part,
                ParameterName = CSharpNaming.ToCamelCase(part),
                Summary = Summary(role),
                Attributes = attributes,
            });
        }

        // Every interceptor runs around the whole call (so one that stamps messages can set up per-call state there).
        var runs = new List<string> { "once around each call (CallType Unary)" };

        if (interceptor.IsStreaming)
        {
            runs.Add("once per streamed message it reads or writes (on its way out before next sends it, on its way in after next received it)");
        }

        return new InterceptorModel
        {
            DesignName = name,
            Name = pascal,
            MethodName = pascal + "Async",
            InfoName = names.Types.Allocate(owner, pascal + "Info", pascal + "InterceptorInfo"),
            Description = Docs.Lines(interceptor.Description ?? $"The {name} interceptor."),
            Remarks = "Runs " + string.Join(" and ", runs) + ".",
            Views = views,
        };
    }

    private InterceptorAttributeModel Attribute(TypeModel record, string attribute, bool writable)
    {
        var property = record.Properties.First(p => p.JsonName == attribute);
        _usings.AddRange(property.Type.Namespaces);
        return new InterceptorAttributeModel(property.Name, property.TypeName, writable, property.Description);
    }

    private InterceptionSideModel? Side(ServiceModel service, IReadOnlyList<MethodUse> methods, bool isServer)
    {
        var lists = methods.Select(m => (isServer ? m.Method.ServerInterceptorsOf(m.Service) : m.Method.ClientInterceptorsOf(m.Service))
            .Select(n => _interceptors[n]).ToList()).ToList();
        var used = lists.SelectMany(l => l).Distinct().ToList();
        if (used.Count == 0)
        {
            return null;
        }

        var owner = new NameOwner($"the {(isServer ? "server" : "client")} interceptors of service '{service.DesignName}'", default);
        var stem = service.InterfaceName[1..^"Service".Length];
        var side = isServer ? "Server" : "Client";
        var adapters = new Dictionary<string, InterceptorAdapterModel>(StringComparer.Ordinal);
        var streamClasses = new List<InterceptedStreamModel>();
        var intercepted = new List<InterceptedMethodModel>();
        for (var i = 0; i < methods.Count; i++)
        {
            intercepted.Add(Method(service, methods[i].Model, lists[i], isServer, adapters, streamClasses));
        }

        return new InterceptionSideModel
        {
            IsServer = isServer,
            ServiceDesignName = service.DesignName,
            ServiceNameLiteral = CSharpLiterals.String(service.DesignName),
            // The adapters implement the views, so they name the views' attribute types (JsonElement for Any...).
            Usings = CSharpUsings.Of(["System", "System.Collections.Generic"], service.Usings.Interface, _usings),
            InterfaceName = names.Types.Allocate(owner, $"I{stem}{side}Interceptors"),
            StubName = names.Types.Allocate(owner, $"{stem}{side}Interceptors"),
            DecoratorName = names.Types.Allocate(owner, isServer ? $"Intercepted{stem}Service" : $"Intercepted{stem}Client"),
            InnerName = isServer ? service.InterfaceName : service.ClientInterfaceName,
            InnerParameter = "inner",
            Interceptors = used,
            Methods = intercepted,
            Adapters = adapters.Values.ToList(),
            StreamClasses = streamClasses,
        };
    }

    private static InterceptedMethodModel Method(
        ServiceModel service, MethodModel method, IReadOnlyList<InterceptorModel> interceptors, bool isServer,
        Dictionary<string, InterceptorAdapterModel> adapters, List<InterceptedStreamModel> streamClasses)
    {
        var returnType = isServer
            ? method.ReturnsResult || method.ReturnsRawResult ? method.HandlerReturnType[5..^1] : null
            : method.ClientReturnType == "Task" ? null : method.ClientReturnType[5..^1];
        var forward = Arguments(method, isServer).ToList();
        InterceptedMethodModel Model(bool intercepted, IReadOnlyList<string> innerArguments, IReadOnlyList<InterceptorStepModel> callSteps, InterceptedStreamModel? stream) => new()
        {
            AsyncName = method.AsyncName,
            ReturnTypeName = isServer ? method.HandlerReturnType : method.ClientReturnType,
            Parameters = Parameters(method, isServer),
            IsIntercepted = intercepted,
            ForwardArguments = forward,
            InnerArguments = innerArguments,
            PayloadType = intercepted ? method.Payload?.TypeName : null,
            ReturnType = intercepted ? returnType : null,
            CallSteps = callSteps,
            Stream = stream,
            IsServer = isServer,
        };

        if (interceptors.Count == 0)
        {
            return Model(intercepted: false, [], [], stream: null);
        }

        string Adapter(InterceptorModel interceptor, TypeRole role, string valueType)
        {
            var view = interceptor.Views.First(v => v.Role == role);
            var name = interceptor.Name + method.AsyncName[..^"Async".Length] + view.PropertyName;
            adapters.TryAdd(name, new InterceptorAdapterModel(name, view.InterfaceName, valueType, view.Attributes));
            return name;
        }

        InterceptorStepModel Step(InterceptorModel interceptor, string callType, IEnumerable<InterceptorStepViewModel> views) => new()
        {
            MethodName = interceptor.MethodName,
            InfoName = interceptor.InfoName,
            MethodDesignNameLiteral = CSharpLiterals.String(method.DesignName),
            CallType = callType,
            Views = [.. views],
        };

        IEnumerable<InterceptorStepViewModel> CallViews(InterceptorModel interceptor, bool withResult = true)
        {
            foreach (var view in interceptor.Views)
            {
                if (view.Role == TypeRole.Payload)
                {
                    yield return new(view.ParameterName, "interceptedPayload", Adapter(interceptor, view.Role, method.Payload!.TypeName));
                }
                else if (view.Role == TypeRole.Result && withResult)
                {
                    yield return new(view.ParameterName, "interceptedResult", Adapter(interceptor, view.Role, method.Result!.TypeName));
                }
            }
        }

        var callSteps = interceptors.Select(i => Step(i, "Unary", CallViews(i))).ToList();
        List<InterceptorStepModel>? Messages(TypeRole role, string callType)
        {
            var use = role == TypeRole.StreamingPayload ? method.StreamingPayload : method.StreamingResult;
            var steps = interceptors.Where(i => i.Views.Any(v => v.Role == role)).ToList();
            if (use is null || steps.Count == 0)
            {
                return null;
            }

            // A message's chain sees the call's payload too, never its result (there is none yet while messages flow).
            return [.. steps.Select(i => Step(i, callType,
                CallViews(i, withResult: false).Concat(
                    i.Views.Where(v => v.Role == role).Select(v => new InterceptorStepViewModel(v.ParameterName, "message", Adapter(i, role, use.TypeName))))))];
        }

        // Server: the handler receives streaming payloads and sends streaming results; a client the other way round.
        var payloads = Messages(TypeRole.StreamingPayload, isServer ? "StreamingRecv" : "StreamingSend");
        var results = Messages(TypeRole.StreamingResult, isServer ? "StreamingSend" : "StreamingRecv");
        InterceptedStreamModel? stream = null;
        if (payloads is not null || results is not null)
        {
            var className = method.AsyncName[..^"Async".Length] + "Stream";
            var inType = method.StreamingPayload?.TypeName ?? "Runtime::NoMessage";
            var outType = method.StreamingResult?.TypeName ?? "Runtime::NoMessage";
            var resultType = method.HasStreamResult ? method.Result!.TypeName : "Runtime::NoMessage";
            var viewed = method.HasViews ? $", {method.StreamingResult!.ViewEnumName}" : "";
            var baseType = isServer
                ? $"Runtime::Intercepted{(viewed.Length > 0 ? "Viewed" : "")}ServerStream<{inType}, {outType}, {resultType}{viewed}>"
                : $"Runtime::Intercepted{(viewed.Length > 0 ? "Viewed" : "")}ClientStream<{inType}, {outType}, {resultType}{viewed}>";
            var payloadName = isServer ? "receiving" : "sending";
            var resultName = isServer ? "sending" : "receiving";
            var streamInterface = isServer ? method.ServerStreamInterface : method.ClientStreamInterface;
            stream = new InterceptedStreamModel
            {
                Class = new StreamClassModel(
                    className,
                    $"{streamInterface} stream, global::System.Func<Runtime::InterceptedValue<{inType}>, IReadOnlyList<Runtime::InterceptorStep>>? {payloadName}, global::System.Func<Runtime::InterceptedValue<{outType}>, IReadOnlyList<Runtime::InterceptorStep>>? {resultName}",
                    baseType,
                    $"stream, {payloadName}, {resultName}"),
                Interface = streamInterface!,
                Source = isServer ? "stream" : "interceptedResult.Value",
                PayloadSteps = payloads,
                ResultSteps = results,
            };
            streamClasses.Add(stream);
        }

        return Model(intercepted: true, [.. Arguments(method, isServer, intercepted: true, wrapsStream: isServer && stream is not null)], callSteps, stream);
    }

    private static IEnumerable<string> Arguments(MethodModel method, bool isServer, bool intercepted = false, bool wrapsStream = false)
    {
        if (method.HasPayload)
        {
            yield return intercepted ? "interceptedPayload.Value" : "payload";
        }

        if (isServer && method.IsStreaming)
        {
            yield return wrapsStream ? "interceptedStream" : "stream";
        }

        if (method.TakesRawRequest)
        {
            yield return "body";
        }

        if (isServer && method.WritesRawResponse)
        {
            yield return method.ResponseBodyParameter;
        }

        yield return intercepted ? "cancel" : "cancellationToken";
    }

    private static List<CSharpParameterModel> Parameters(MethodModel method, bool isServer)
    {
        var parameters = new List<CSharpParameterModel>();
        if (method.HasPayload)
        {
            parameters.Add(new(method.Payload!.TypeName, "payload"));
        }

        if (isServer && method.IsStreaming)
        {
            parameters.Add(new(method.ServerStreamInterface!, "stream"));
        }

        if (method.TakesRawRequest)
        {
            parameters.Add(new("Stream", "body"));
        }

        if (isServer && method.WritesRawResponse)
        {
            parameters.Add(new("Stream", method.ResponseBodyParameter));
        }

        parameters.Add(isServer ? new("CancellationToken", "cancellationToken") : new("CancellationToken", "cancellationToken", "default"));
        return parameters;
    }

    private static TypeUseModel? Use(MethodModel method, TypeRole role) => role switch
    {
        TypeRole.Payload => method.Payload,
        TypeRole.Result => method.Result,
        TypeRole.StreamingPayload => method.StreamingPayload,
        _ => method.StreamingResult,
    };

    private static string RoleName(TypeRole role) => role switch
    {
        TypeRole.Payload => "Payload",
        TypeRole.Result => "Result",
        TypeRole.StreamingPayload => "StreamingPayload",
        _ => "StreamingResult",
    };

    private static string Summary(TypeRole role) => role switch
    {
        TypeRole.Payload => "The payload of the call, from the start.",
        TypeRole.Result => "The result of the call, once next returned (null before).",
        TypeRole.StreamingPayload => "The streamed payload message of a StreamingSend or StreamingRecv call (null on the call itself, before a received message exists and at the end of the stream).",
        _ => "The streamed result message of a StreamingSend or StreamingRecv call (null on the call itself, before a received message exists and at the end of the stream).",
    };

    /// <summary>A method of the design with its service and its model.</summary>
    private sealed record MethodUse(DesignService Service, DesignMethod Method, MethodModel Model);
}
