using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Validation.Rules;

namespace StreamGen.Model;

/// <summary>Services and methods: shapes, type uses, stream interface names, errors.</summary>
public sealed partial class ModelBuilder
{
    private ServiceModel BuildService(DesignService service)
    {
        var name = CSharpNaming.ToPascalCase(service.Name);
        var errors = service.Errors.ValuesOrEmpty().Select(BuildError).ToList();
        var methods = service.Methods.ValuesOrEmpty().Select(m => BuildMethod(service, name, m)).ToList();
        var hasGrpc = methods.Any(m => m.Grpc is not null);
        return new ServiceModel
        {
            Name = name,
            DesignName = service.Name,
            DesignNameLiteral = CSharpLiterals.String(service.Name),
            Description = DocLines(service.Description),
            InterfaceName = $"I{name}Service",
            ClientInterfaceName = $"I{name}Client",
            ImplementationName = $"{name}Service",
            ErrorsClassName = $"{name}Errors",
            HttpEndpointsClassName = $"{name}HttpEndpoints",
            MapHttpMethodName = $"Map{name}",
            HttpClientClassName = $"{name}HttpClient",
            GrpcServiceClassName = $"{name}GrpcService",
            GrpcClientClassName = $"{name}GrpcClient",
            ProtoServiceName = hasGrpc ? name : null,
            Errors = errors.Concat(methods.SelectMany(m => MethodErrors(service, m.DesignName)).Where(e => errors.All(x => x.DesignName != e.DesignName)))
                .GroupBy(e => e.DesignName, StringComparer.Ordinal).Select(g => g.First()).ToList(),
            Methods = methods,
        };
    }

    private IEnumerable<ErrorModel> MethodErrors(DesignService service, string method) =>
        service.Methods![method].Errors.ValuesOrEmpty().Select(BuildError);

    private static ErrorModel BuildError(DesignError error) => new()
    {
        DesignName = error.Name,
        NameLiteral = CSharpLiterals.String(error.Name),
        FactoryName = CSharpNaming.ToPascalCase(error.Name),
        Description = DocLines(error.Description),
        Temporary = error.Temporary == true,
        Timeout = error.Timeout == true,
        Fault = error.Fault == true,
    };

    private MethodModel BuildMethod(DesignService service, string servicePascal, DesignMethod method)
    {
        var name = CSharpNaming.ToPascalCase(method.Name);
        var kind = (method.StreamingPayload, method.StreamingResult) switch
        {
            (null, null) => StreamKind.None,
            (null, _) => StreamKind.Server,
            (_, null) => StreamKind.Client,
            _ => StreamKind.Bidirectional,
        };
        var payload = Use(method.Payload, method, "payload");
        var streamingPayload = Use(method.StreamingPayload, method, "streamingPayload");
        var result = Use(method.Result, method, "result");
        var streamingResult = Use(method.StreamingResult, method, "streamingResult");
        var isStreaming = kind != StreamKind.None;
        var partial = new MethodModel
        {
            Name = name,
            DesignName = method.Name,
            DesignNameLiteral = CSharpLiterals.String(method.Name),
            Description = DocLines(method.Description),
            AsyncName = name + "Async",
            Kind = kind,
            Payload = payload,
            StreamingPayload = streamingPayload,
            Result = result,
            StreamingResult = streamingResult,
            ServerStreamInterface = isStreaming ? _typeNames.Allocate($"I{name}ServerStream", $"I{servicePascal}{name}ServerStream") : null,
            ClientStreamInterface = isStreaming ? _typeNames.Allocate($"I{name}ClientStream", $"I{servicePascal}{name}ClientStream") : null,
            Http = null,
            Grpc = null,
        };
        return partial with
        {
            Http = method.Http is not null && _options.Transports.HasFlag(Transports.Http) ? BuildHttp(service, method, partial) : null,
            Grpc = GrpcRules.IsEnabled(service, method) && _options.Transports.HasFlag(Transports.Grpc) ? BuildGrpcMethod(service, method, partial) : null,
        };
    }

    private TypeUseModel? Use(DesignTypeRef? reference, DesignMethod method, string role)
    {
        if (reference is null)
        {
            return null;
        }

        var type = _index.TypeOf(reference, role)!;
        var typeObject = _index.ObjectOf(type);
        var record = typeObject is null ? null : RecordOf(typeObject);
        var fixedView = reference.View is { } view ? record?.Views.First(v => v.DesignName == view) : null;
        _ = method;
        return new TypeUseModel { Type = TypeRefOf(type), Record = record, FixedView = fixedView };
    }
}
