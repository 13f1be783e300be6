using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Naming;

namespace StreamGen.Model.Building;

/// <summary>What every pass of the model builder reads: the validated design, its index, the options and the API-wide names.</summary>
internal sealed class ModelContext
{
    public ModelContext(DesignDocument document, DesignIndex index, ModelBuilderOptions options)
    {
        Document = document;
        Index = index;
        Options = options;
        Api = document.Api!;
        Stem = CSharpNaming.ToPascalCase(Api.ApiName!);
        Namespace = options.Namespace ?? Api.Namespace ?? CSharpNaming.ToNamespace(Api.ApiName!);
        Runtime = options.Runtime ?? (Api.Runtime == "package" ? RuntimeMode.Package : RuntimeMode.Source);
    }

    public DesignDocument Document { get; }

    public DesignIndex Index { get; }

    public ModelBuilderOptions Options { get; }

    public DesignApi Api { get; }

    /// <summary>PascalCase API name, the stem of API-wide type names (<c>LoggerJsonContext</c>).</summary>
    public string Stem { get; }

    public string Namespace { get; }

    /// <summary>How the generated project gets the runtime: the command line's choice, else the design's, else source.</summary>
    public RuntimeMode Runtime { get; }

    /// <summary><c>&lt;Namespace&gt;.Runtime</c> when the runtime is written as source; the package's own namespace otherwise.</summary>
    public string RuntimeNamespace => Runtime == RuntimeMode.Package ? ModelBuilder.RuntimePackageId : Namespace + ".Runtime";

    public string ProtoNamespace => Namespace + ".Protos";

    /// <summary>The protobuf package; validation has made sure an API served over gRPC has one.</summary>
    public string ProtoPackage => ProtoNaming.Package(Api.ApiName!) ?? "api";

    public IEnumerable<DesignService> Services => Document.Services.ValuesOrEmpty();

    /// <summary>The method is served over HTTP in this run: the design maps it and the run generates HTTP.</summary>
    public bool ServesHttp(DesignMethod method) => method.Http is not null && Options.Transports.HasFlag(Transports.Http);

    /// <summary>The method is served over gRPC in this run: the design enables it and the run generates gRPC.</summary>
    public bool ServesGrpc(DesignService service, DesignMethod method) => method.IsServedOverGrpc(service) && Options.Transports.HasFlag(Transports.Grpc);

    /// <summary>The resolved type of a method's type reference (validation has resolved and checked it).</summary>
    public TypeExpression TypeOf(DesignTypeRef reference, TypeRole role) => Index.TypeOf(reference, role.Key())!;

    public TypeExpression TypeOf(DesignAttribute attribute, string name) => Index.TypeOf(attribute, name)!;

    /// <summary>The object behind a method's type reference, or null when it is a primitive or a collection.</summary>
    public DesignObject? ObjectOf(DesignTypeRef? reference, TypeRole role) => reference is null ? null : Index.ObjectOf(TypeOf(reference, role));
}
