using StreamGen.Model.Documents;

namespace StreamGen.Model;

/// <summary>The root of the resolved generation model: everything templates render, decided.</summary>
public sealed record ApiModel
{
    public required string Name { get; init; }

    /// <summary>PascalCase API name, the stem of API-wide type names (<c>LoggerJsonContext</c>).</summary>
    public required string TypeStem { get; init; }

    public required string Namespace { get; init; }

    /// <summary>Where the runtime's types are: <c>&lt;Namespace&gt;.Runtime</c> as source, <c>StreamGen.Runtime</c> as a package.</summary>
    public required string RuntimeNamespace { get; init; }

    public required RuntimeMode Runtime { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    public required string Version { get; init; }

    public required string ToolVersion { get; init; }

    /// <summary>The design's file name (not its path, so output does not depend on where gen runs).</summary>
    public required string DesignFile { get; init; }

    public required int HttpPort { get; init; }

    public required string HttpHost { get; init; }

    public required int GrpcPort { get; init; }

    public required string GrpcHost { get; init; }

    public required IReadOnlyList<TypeModel> Types { get; init; }

    /// <summary>The design enums (string attributes with <c>enum:</c> values), one file each.</summary>
    public required IReadOnlyList<EnumModel> Enums { get; init; }

    public required IReadOnlyList<ServiceModel> Services { get; init; }

    public required JsonContextModel Json { get; init; }

    public required ProtoFileModel? Proto { get; init; }

    public required ProjectModel Project { get; init; }

    /// <summary>The OpenAPI and AsyncAPI documents; null when turned off or no method is served over HTTP.</summary>
    public required DocumentsModel? Documents { get; init; }

    /// <summary>The document files the project embeds and the host serves; empty without documents.</summary>
    public IReadOnlyList<DocumentFileModel> DocumentFiles => Documents?.Files ?? [];

    /// <summary>The TypeScript client module, written when gen is asked for it (<c>--typescript DIR</c>).</summary>
    public required TypeScript.TypeScriptModuleModel TypeScript { get; init; }

    /// <summary>The command-line client (<c>gen --cli</c>).</summary>
    public required Cli.CliModel Cli { get; init; }

    /// <summary>The API's security schemes and policies, or null when it declares none.</summary>
    public required SecurityModel? Security { get; init; }

    public bool HasSecurity => Security is not null;

    /// <summary>The interceptors some method runs, in declaration order.</summary>
    public IReadOnlyList<InterceptorModel> Interceptors { get; init; } = [];

    public bool HasInterceptors => Interceptors.Count > 0;

    /// <summary>The namespaces of the interceptors' file.</summary>
    public IReadOnlyList<string> InterceptorUsings { get; init; } = [];

    public bool HasGrpc => Proto is not null;

    public bool HasHttp => Services.Any(s => s.HasHttp);
}

/// <summary>The generated project: its file name and the packages its build needs.</summary>
public sealed record ProjectModel
{
    public required string FileName { get; init; }

    public required string AssemblyName { get; init; }

    public required IReadOnlyList<PackageModel> Packages { get; init; }

    /// <summary>The .proto relative to gen/, where StreamGen.props lives (its items are rooted at the props' own folder, so it can be imported from anywhere).</summary>
    public required string? ProtoPath { get; init; }
}

public sealed record PackageModel(string Id, string Version);

/// <summary>The System.Text.Json source-generated context: every type that crosses a wire.</summary>
public sealed record JsonContextModel
{
    public required string ClassName { get; init; }

    /// <summary>The class holding the decode-side options (C# <c>required</c> left to generated validation).</summary>
    public required string ReaderClassName { get; init; }

    public required IReadOnlyList<JsonSerializableModel> Entries { get; init; }

    /// <summary>The namespaces the context's file imports.</summary>
    public required IReadOnlyList<string> Usings { get; init; }
}

/// <summary>
/// One <c>[JsonSerializable]</c> entry with the property name its JsonTypeInfo gets; it is written out only where it is
/// not the type's own name (<c>ArrayOfLogRecord</c> for <c>IReadOnlyList&lt;LogRecord&gt;</c>).
/// </summary>
public sealed record JsonSerializableModel(string TypeName, string PropertyName, bool NamesProperty);
