using StreamGen.Design;
using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>Pass 3: services and methods: shapes, the type of each role, stream interfaces, errors, and each transport.</summary>
internal sealed class ServicePass(
    ModelContext context, ModelNames names, TypeRefFactory types, IReadOnlyDictionary<DesignObject, TypeModel> records, HttpPass http, GrpcMethodPass grpc)
{
    public IReadOnlyList<ServiceModel> Run() => context.Services.Select(Service).ToList();

    private ServiceModel Service(DesignService service)
    {
        var serviceNames = names.Services[service];
        var methods = service.Methods.ValuesOrEmpty().Select(m => Method(service, m)).ToList();
        return new ServiceModel
        {
            Name = serviceNames.Name,
            Folder = serviceNames.Folder,
            ScaffoldFileName = serviceNames.ScaffoldFile,
            ScaffoldUsings = methods.SelectMany(m => new[] { m.Payload, m.Result }).OfType<TypeUseModel>().Any(u => u.Type.ContainsAny)
                ? ["System.Text.Json", context.RuntimeNamespace]
                : [context.RuntimeNamespace],
            DesignName = service.Name,
            Description = Docs.Lines(service.Description),
            InterfaceName = serviceNames.Interface,
            ClientInterfaceName = serviceNames.ClientInterface,
            ImplementationName = serviceNames.Implementation,
            ErrorsClassName = serviceNames.Errors,
            HttpEndpointsClassName = serviceNames.HttpEndpoints,
            MapHttpMethodName = serviceNames.MapHttpMethod,
            HttpClientClassName = serviceNames.HttpClient,
            GrpcServiceClassName = serviceNames.GrpcService,
            GrpcClientClassName = serviceNames.GrpcClient,
            ProtoServiceName = methods.Any(m => m.Grpc is not null) ? serviceNames.ProtoName : null,
            Errors = Errors(service, serviceNames),
            Methods = methods,
        };
    }

    /// <summary>The service's errors, then its methods' errors not declared on the service, each once.</summary>
    private static List<ErrorModel> Errors(DesignService service, ServiceNames serviceNames) =>
        (service.Errors ?? []).Concat(service.Methods.ValuesOrEmpty().SelectMany(m => m.Errors ?? []))
            .DistinctBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ErrorModel
            {
                DesignName = e.Key,
                NameLiteral = CSharpLiterals.String(e.Key),
                FactoryName = serviceNames.ErrorFactories[e.Key],
                Description = Docs.Lines(e.Value.Description),
                Temporary = e.Value.Temporary == true,
                Timeout = e.Value.Timeout == true,
                Fault = e.Value.Fault == true,
            })
            .ToList();

    private MethodModel Method(DesignService service, DesignMethod method)
    {
        var methodNames = names.Methods[method];
        var model = new MethodModel
        {
            Name = methodNames.Name,
            DesignName = method.Name,
            Description = Docs.Lines(method.Description),
            AsyncName = methodNames.AsyncName,
            Kind = (method.StreamingPayload, method.StreamingResult) switch
            {
                (null, null) => StreamKind.None,
                (null, _) => StreamKind.Server,
                (_, null) => StreamKind.Client,
                _ => StreamKind.Bidirectional,
            },
            Payload = Use(method, TypeRole.Payload),
            StreamingPayload = Use(method, TypeRole.StreamingPayload),
            Result = Use(method, TypeRole.Result),
            StreamingResult = Use(method, TypeRole.StreamingResult),
            ServerStreamInterface = methodNames.ServerStream,
            ClientStreamInterface = methodNames.ClientStream,
            Http = null,
            Grpc = null,
        };

        // The transports read the method's shape and type uses, decided above.
        return model with
        {
            Http = context.ServesHttp(method) && method.Http is { } design ? http.Endpoint(service, method, design, model) : null,
            Grpc = context.ServesGrpc(service, method) ? grpc.Method(service, method, model) : null,
        };
    }

    private TypeUseModel? Use(DesignMethod method, TypeRole role)
    {
        if (method.TypeReference(role) is not { } reference)
        {
            return null;
        }

        var type = context.TypeOf(reference, role);
        var record = context.Index.ObjectOf(type) is { } typeObject ? records[typeObject] : null;
        return new TypeUseModel
        {
            Role = role,
            Type = types.Of(type),
            Record = record,
            FixedView = reference.View is { } view ? record?.Views.First(v => v.DesignName == view) : null,
        };
    }
}
