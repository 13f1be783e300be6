using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Validation;

namespace StreamGen.Model;

/// <summary>
/// Turns a validated design into the resolved <see cref="ApiModel"/>: every C# name, type, literal, route,
/// view and protobuf field is decided here, so templates only print. Split by role: types, services, HTTP, proto.
/// Runs only on designs without validation errors; it reports the few collisions only it can see (SG1007).
/// </summary>
public sealed partial class ModelBuilder
{
    private readonly DesignDocument _document;
    private readonly DesignIndex _index;
    private readonly DiagnosticBag _diagnostics;
    private readonly ModelBuilderOptions _options;
    private readonly string _namespace;
    private readonly string _runtime;
    private readonly string _stem;
    private readonly NameRegistry _typeNames = new();

    private ModelBuilder(DesignDocument document, DesignIndex index, DiagnosticBag diagnostics, ModelBuilderOptions options)
    {
        _document = document;
        _index = index;
        _diagnostics = diagnostics;
        _options = options;
        var api = document.Api!;
        _stem = CSharpNaming.ToPascalCase(api.ApiName!);
        _namespace = options.Namespace ?? api.Namespace ?? CSharpNaming.ToNamespace(api.ApiName!);
        _runtime = _namespace + ".Runtime";
    }

    public static ApiModel? Build(DesignDocument document, DesignIndex index, DiagnosticBag diagnostics, ModelBuilderOptions options)
    {
        var builder = new ModelBuilder(document, index, diagnostics, options);
        var model = builder.BuildApi();
        return diagnostics.HasErrors ? null : model;
    }

    private ApiModel BuildApi()
    {
        var api = _document.Api!;
        ReserveInfrastructureNames();
        AllocateTypeNames();
        var types = BuildTypes();
        var services = _document.Services.ValuesOrEmpty().Select(BuildService).ToList();
        var allTypes = types.Concat(_bodyTypes).ToList();
        var proto = BuildProto(services);
        return new ApiModel
        {
            Name = api.ApiName!,
            TypeStem = _stem,
            Namespace = _namespace,
            RuntimeNamespace = _runtime,
            Title = api.Title ?? api.ApiName!,
            Description = DocLines(api.Description),
            Version = api.Version ?? "1.0",
            ToolVersion = _options.ToolVersion,
            DesignFile = _options.DesignFile,
            HttpPort = api.Http?.Port ?? 8080,
            HttpHost = api.Http?.Host ?? "localhost",
            GrpcPort = api.Grpc?.Port ?? 8081,
            GrpcHost = api.Grpc?.Host ?? "localhost",
            Types = allTypes,
            Services = services,
            Json = BuildJsonContext(allTypes, services),
            Proto = proto,
            Project = BuildProject(proto),
        };
    }

    private void ReserveInfrastructureNames()
    {
        foreach (var name in new[] { $"{_stem}JsonContext", $"{_stem}JsonReader", $"{_stem}ProtoMapper", $"{_stem}Server", "Program" })
        {
            _typeNames.TryReserve(name);
        }

        foreach (var service in _document.Services.KeysOrEmpty().Select(CSharpNaming.ToPascalCase))
        {
            foreach (var name in ServiceTypeNames(service))
            {
                _typeNames.TryReserve(name);
            }
        }
    }

    private static IEnumerable<string> ServiceTypeNames(string service) =>
    [
        $"I{service}Service", $"I{service}Client", $"{service}Service", $"{service}Errors", $"{service}HttpEndpoints",
        $"{service}HttpClient", $"{service}GrpcService", $"{service}GrpcClient",
    ];

    private JsonContextModel BuildJsonContext(IReadOnlyList<TypeModel> types, IReadOnlyList<ServiceModel> services)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            entries[type.Name] = type.FullName;
        }

        foreach (var use in services.SelectMany(s => s.Methods).SelectMany(m => new[] { m.Payload, m.StreamingPayload, m.Result, m.StreamingResult }))
        {
            if (use is not null)
            {
                entries[use.Type.JsonInfoName] = use.Type.TypeName;
            }
        }

        foreach (var body in services.SelectMany(s => s.Methods).Select(m => m.Http).OfType<HttpEndpointModel>()
                     .SelectMany(h => new[] { h.RequestBody, h.ResponseBody }).OfType<BodyModel>())
        {
            entries[body.JsonInfoName] = body.TypeName;
        }

        entries["ErrorResult"] = $"global::{_runtime}.ErrorResult";
        return new JsonContextModel
        {
            ClassName = $"{_stem}JsonContext",
            FullName = $"global::{_namespace}.{_stem}JsonContext",
            ReaderClassName = $"{_stem}JsonReader",
            ReaderFullName = $"global::{_namespace}.{_stem}JsonReader",
            Entries = entries.Select(e => new JsonSerializableModel(e.Value, e.Key)).ToList(),
        };
    }

    private ProjectModel BuildProject(ProtoFileModel? proto)
    {
        var packages = new List<PackageModel>();
        if (proto is not null)
        {
            packages.Add(new PackageModel("Grpc.AspNetCore", _options.GrpcVersion, IsPrivate: false));
            packages.Add(new PackageModel("Grpc.Net.Client", _options.GrpcVersion, IsPrivate: false));
        }

        return new ProjectModel
        {
            FileName = $"{_stem}.csproj",
            AssemblyName = _stem,
            Packages = packages,
            ProtoPath = proto?.RelativePath,
        };
    }

    /// <summary>Description text as doc-comment lines (XML-escaped, one per source line).</summary>
    internal static IReadOnlyList<string> DocLines(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
                .Select(line => EscapeXml(line.TrimEnd()))
                .ToList();

    /// <summary>Doc comments are XML: only &amp;, &lt; and &gt; need escaping in text.</summary>
    internal static string EscapeXml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private void ReportCollision(string kind, string designName, string csharpName, SourceSpan span) =>
        _diagnostics.Report(DiagnosticDescriptors.NameCollision, span, kind, designName, "a generated type", csharpName);
}

/// <summary>
/// What the model needs beyond the design: the tool version for headers and the design's file name; and what a run
/// may override: the namespace (instead of <c>api.namespace</c>) and the transports to generate.
/// </summary>
public sealed record ModelBuilderOptions(string ToolVersion, string DesignFile, string GrpcVersion = "2.85.0")
{
    /// <summary>Replaces the design's namespace; checked by the caller (<see cref="CSharpNaming.IsNamespace"/>).</summary>
    public string? Namespace { get; init; }

    public Transports Transports { get; init; } = Transports.All;
}
