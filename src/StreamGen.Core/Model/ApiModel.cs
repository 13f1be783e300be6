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

    public required IReadOnlyList<ServiceModel> Services { get; init; }

    public required JsonContextModel Json { get; init; }

    public required ProtoFileModel? Proto { get; init; }

    public required ProjectModel Project { get; init; }

    /// <summary>The TypeScript client module, written when gen is asked for it (<c>--typescript DIR</c>).</summary>
    public required TypeScript.TypeScriptModuleModel TypeScript { get; init; }

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

    public required string FullName { get; init; }

    /// <summary>The class holding the decode-side options (C# <c>required</c> left to generated validation).</summary>
    public required string ReaderClassName { get; init; }

    public required string ReaderFullName { get; init; }

    public required IReadOnlyList<JsonSerializableModel> Entries { get; init; }
}

/// <summary>One <c>[JsonSerializable]</c> entry with the property name its JsonTypeInfo gets.</summary>
public sealed record JsonSerializableModel(string TypeName, string PropertyName);
