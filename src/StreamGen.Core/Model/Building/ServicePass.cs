using StreamGen.Design;
using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>Pass 3: services and methods: shapes, the type of each role, stream interfaces, errors, and each transport.</summary>
internal sealed class ServicePass(
    ModelContext context, ModelNames names, TypeRefFactory types, IReadOnlyDictionary<DesignObject, TypeModel> records, HttpPass http, GrpcMethodPass grpc,
    IReadOnlyDictionary<DesignMethod, MethodSecurityModel> security)
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
            // The stub's project has the Web SDK's implicit usings (System.Collections.Generic among them); Any needs System.Text.Json.
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
            HttpErrorTables = methods.Select(m => m.Http).OfType<HttpEndpointModel>().DistinctBy(h => h.ErrorStatusName).Select(h => new ErrorTableModel(h.ErrorStatusName, h.Errors)).ToList(),
            GrpcErrorTables = methods.Select(m => m.Grpc).OfType<GrpcMethodModel>().DistinctBy(g => g.StatusName).Select(g => new GrpcErrorTableModel(g.StatusName, g.Errors)).ToList(),
            Usings = Usings(methods),
        };
    }

    /// <summary>The namespaces of each of the service's files: fixed ones, the ones its types need, the ones its kinds of method need.</summary>
    private static ServiceUsings Usings(IReadOnlyList<MethodModel> methods)
    {
        static IEnumerable<string> TypesOf(IEnumerable<MethodModel> methods) =>
            methods.SelectMany(m => new[] { m.Payload, m.StreamingPayload, m.Result, m.StreamingResult }).OfType<TypeUseModel>().SelectMany(u => u.Type.Namespaces);

        string[] When(bool condition, params string[] namespaces) => condition ? namespaces : [];

        var raw = methods.Any(m => m.IsRawRequest || m.IsRawResponse);
        var http = methods.Where(m => m.Http is not null).ToList();
        var grpc = methods.Where(m => m.Grpc is not null).ToList();
        string[] tasks = ["System.CodeDom.Compiler", "System.Threading", "System.Threading.Tasks"];
        return new ServiceUsings(
            CSharpUsings.Of(tasks, When(raw, "System.IO"), TypesOf(methods)),
            CSharpUsings.Of(tasks, When(raw, "System.IO"), TypesOf(methods)),
            CSharpUsings.Of(
                ["System.CodeDom.Compiler", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.DependencyInjection"],
                When(http.Any(m => !m.IsStreaming), "System"),
                TypesOf(http)),
            CSharpUsings.Of(
                ["System.CodeDom.Compiler", "System.Net.Http"],
                tasks,
                When(raw || http.Any(m => m.IsServerSentEvents), "System.IO"),
                When(http.Any(m => m.Http!.HasRequestBody), "System.Net.Http.Json"),
                When(http.Count < methods.Count, "System"),
                TypesOf(methods)),
            CSharpUsings.Of(
                ["System.CodeDom.Compiler", "System.Threading.Tasks", "Microsoft.Extensions.Logging"],
                When(grpc.Any(m => m.IsUnary), "System"),
                TypesOf(grpc)),
            CSharpUsings.Of(["System", "System.CodeDom.Compiler"], tasks, When(raw, "System.IO"), TypesOf(methods)));
    }

    /// <summary>The service's errors, then its methods' errors not declared on the service, each once.</summary>
    private static List<ErrorModel> Errors(DesignService service, ServiceNames serviceNames)
    {
        var errors = new List<ErrorModel>();
        foreach (var (name, error) in service.DeclaredErrors())
        {
            errors.Add(new ErrorModel
            {
                DesignName = name,
                NameLiteral = CSharpLiterals.String(name),
                FactoryName = serviceNames.ErrorFactories[name],
                Description = Docs.Lines(error.Description),
                Temporary = error.Temporary == true,
                Timeout = error.Timeout == true,
                Fault = error.Fault == true,
            });
        }

        return errors;
    }

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
            ServerStreamBases = null,
            ClientStreamBases = null,
            Http = null,
            Grpc = null,
            Security = null,
        };
        model = model with
        {
            Security = security.GetValueOrDefault(method) is { } secured
                ? PayloadCredentials.With(secured, context.Api, method.Payload is { } payload ? context.Index.ObjectOf(context.TypeOf(payload, TypeRole.Payload)) : null, model.Payload?.Record)
                : null,
            ServerStreamBases = model.IsStreaming ? StreamClasses.ServerBases(model) : null,
            ClientStreamBases = model.IsStreaming ? StreamClasses.ClientBases(model) : null,
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
