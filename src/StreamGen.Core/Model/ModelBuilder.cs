using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;
using StreamGen.Model.Building;
using StreamGen.Model.Building.Documents;

namespace StreamGen.Model;

/// <summary>
/// Turns a validated design into the resolved <see cref="ApiModel"/>: every C# name, type, literal, route, view and
/// protobuf field is decided here, so templates only print. It runs in passes, each building immutable parts from the
/// design and the parts before it, never filling a collection another pass reads:
/// <list type="number">
/// <item>names: every identifier, in the one name registry, with the fixed names of each scope first (reports what cannot give way, SG1008);</item>
/// <item>enums: a C# enum per distinct <c>enum:</c> string attribute, with its wire strings and, over gRPC, its protobuf enum;</item>
/// <item>types: a record per object;</item>
/// <item>services: methods and their type uses, HTTP endpoints (with body records) and gRPC methods (with their messages), each
/// streaming end bound to its runtime kind (<see cref="StreamClasses"/>), and the error tables;</item>
/// <item>records: the design's records plus the body records, collected from the finished services;</item>
/// <item>proto: the .proto file, its shared messages and imports, over the finished services;</item>
/// <item>JSON: the context entries, over the finished records and services; then the project;</item>
/// <item>documents: the OpenAPI and AsyncAPI descriptions of the HTTP routes, with keys of their own;</item>
/// <item>TypeScript: the client module, its names in scopes of their own, over the finished services.</item>
/// </list>
/// Runs only on designs without validation errors.
/// </summary>
public static class ModelBuilder
{
    /// <summary>The runtime package's id, which is also its namespace.</summary>
    public const string RuntimePackageId = "StreamGen.Runtime";

    public static ApiModel? Build(DesignDocument document, DesignIndex index, DiagnosticBag diagnostics, ModelBuilderOptions options)
    {
        var context = new ModelContext(document, index, options);
        var names = NamePass.Run(context, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var enums = EnumPass.Run(names);
        var types = new TypeRefFactory(context, names, enums);
        var records = new TypePass(context, names, types).Run();
        var messages = new ProtoMessages(names, records.Keys.ToDictionary(type => records[type].Name));
        var streams = new StreamClasses(context);
        var (security, methodSecurity) = new SecurityPass(context, names.Security).Run();
        var interceptorPass = new InterceptorPass(context, names);
        var (interceptors, services) = interceptorPass.Run(
            new ServicePass(context, names, types, records, new HttpPass(names, streams), new GrpcMethodPass(names, messages, streams), methodSecurity).Run());
        var allTypes = names.Objects.Select(o => records[o]).Concat(BodyRecords(services)).ToList();
        var proto = new ProtoPass(context, names, messages, records, names.Enums.Select(e => enums[e])).Run(services);
        var documents = new DocumentPass(context, names, diagnostics).Run();
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var api = context.Api;
        var json = new JsonContextPass(context).Run(allTypes, services);
        return new ApiModel
        {
            Name = api.ApiName!,
            TypeStem = context.Stem,
            Namespace = context.Namespace,
            RuntimeNamespace = context.RuntimeNamespace,
            Runtime = context.Runtime,
            Description = Docs.Lines(api.Description),
            Version = api.Version ?? "1.0",
            ToolVersion = options.ToolVersion,
            DesignFile = options.DesignFile,
            HttpPort = api.Http?.Port ?? 8080,
            HttpHost = api.Http?.Host ?? "localhost",
            GrpcPort = api.Grpc?.Port ?? 8081,
            GrpcHost = api.Grpc?.Host ?? "localhost",
            Types = allTypes,
            Enums = [.. names.Enums.Select(e => enums[e])],
            Services = services,
            Json = json,
            Proto = proto,
            Project = Project(context, proto),
            Documents = documents,
            Security = security,
            Interceptors = interceptors,
            InterceptorUsings = interceptorPass.Usings,
            TypeScript = new TypeScriptPass(context, names, new TypeScriptNamer(context, names.Registry, names).Run()).Run(services),
            Cli = new CliPass(context, names).Run(services, json),
        };
    }

    /// <summary>The records of partial HTTP bodies, in service and method order, request before response.</summary>
    private static IEnumerable<TypeModel> BodyRecords(IReadOnlyList<ServiceModel> services) =>
        services.SelectMany(s => s.Methods).Select(m => m.Http).OfType<HttpEndpointModel>()
            .SelectMany(h => new[] { h.RequestBody?.Record, h.ResponseBody?.Record })
            .OfType<TypeModel>();

    private static ProjectModel Project(ModelContext context, ProtoFileModel? proto)
    {
        var packages = new List<PackageModel>();
        if (proto is not null)
        {
            packages.Add(new PackageModel("Grpc.AspNetCore", context.Options.GrpcVersion));
            packages.Add(new PackageModel("Grpc.Net.Client", context.Options.GrpcVersion));
        }

        if (context.Runtime == RuntimeMode.Package)
        {
            // Exactly the tool's version: the generated code and the runtime it calls change together.
            packages.Add(new PackageModel(RuntimePackageId, $"[{context.Options.ToolVersion}]"));
        }

        return new ProjectModel
        {
            FileName = $"{context.Stem}.csproj",
            AssemblyName = context.Stem,
            Packages = packages,
            ProtoPath = proto?.RelativePath,
        };
    }
}
