using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamGen.Generation;

namespace StreamGen.Tests.Support;

/// <summary>
/// Compiles a generated project in memory the way its build would: the ASP.NET Core reference assemblies, the gRPC
/// packages (only when the design uses gRPC, so a design without it is proven not to need them), the StreamGen.Runtime
/// assembly when the design references the runtime package, the Web SDK's implicit usings, protoc's C# for the .proto,
/// and the framework's source generators (System.Text.Json, Regex, logging), with nullable on and every warning treated
/// as an error.
/// </summary>
internal static class GeneratedCompilation
{
    public static readonly string[] ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json", "System.Threading",
        "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);
    private static readonly Lazy<ImmutableArray<MetadataReference>> GrpcReferences = new(LoadGrpcReferences);
    private static readonly Lazy<ImmutableArray<ISourceGenerator>> LazyGenerators = new(LoadGenerators);

    /// <summary>Every reference assembly a generated project may build against: the framework's and the gRPC packages'.</summary>
    public static ImmutableArray<MetadataReference> References => [.. FrameworkReferences.Value, .. GrpcReferences.Value];

    /// <summary>The framework's source generators a generated project's build runs.</summary>
    public static ImmutableArray<ISourceGenerator> Generators => LazyGenerators.Value;

    public sealed record Result(CSharpCompilation Compilation, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public IReadOnlyList<Diagnostic> Problems => Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        /// <summary>Emits the assembly and loads it into its own collectible context.</summary>
        public Assembly Load()
        {
            using var stream = new MemoryStream();
            var emit = Compilation.Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
            stream.Position = 0;
            return new AssemblyLoadContext(Compilation.AssemblyName, isCollectible: true).LoadFromStream(stream);
        }
    }

    /// <param name="kind">A console application (the generated project), or a library another compilation references.</param>
    /// <param name="references">More references (a library compiled before, System.CommandLine).</param>
    /// <param name="implicitUsings">Whether the Web SDK's implicit usings apply (the service's project); a console project has none.</param>
    public static Result Compile(
        GenerationResult generated, string assemblyName, OutputKind kind = OutputKind.ConsoleApplication, IEnumerable<MetadataReference>? references = null, bool implicitUsings = true)
    {
        using var temp = new TempDirectory();
        var trees = new List<SyntaxTree>();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        foreach (var file in generated.Files.Where(f => f.RelativePath.EndsWith(".cs", StringComparison.Ordinal)))
        {
            trees.Add(CSharpSyntaxTree.ParseText(file.Content, parse, file.RelativePath));
        }

        if (generated.Model?.Proto is { } proto)
        {
            var protoFile = generated.Files.Single(f => f.RelativePath == $"gen/{proto.RelativePath}");
            var root = temp.Combine("proto");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, proto.RelativePath))!);
            File.WriteAllText(Path.Combine(root, proto.RelativePath), protoFile.Content);
            foreach (var csharp in Protoc.CompileToCSharp(root, proto.RelativePath, temp.Combine("protoc")))
            {
                trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(csharp), parse, csharp));
            }
        }

        if (implicitUsings)
        {
            trees.Add(CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), parse, "GlobalUsings.g.cs"));
        }

        var all = new List<MetadataReference>(FrameworkReferences.Value);
        all.AddRange(references ?? []);
        if (generated.Model?.HasGrpc == true)
        {
            all.AddRange(GrpcReferences.Value);
        }

        if (generated.Model?.Runtime == StreamGen.Model.RuntimeMode.Package)
        {
            // The package and what it brings: Grpc.Core.Api (the first of the gRPC references).
            all.Add(MetadataReference.CreateFromFile(typeof(StreamGen.Runtime.ServiceError).Assembly.Location));
            all.Add(GrpcReferences.Value[0]);
        }

        var compilation = CSharpCompilation.Create(assemblyName, trees, all.Distinct(), Options(kind));
        CSharpGeneratorDriver.Create(Generators, parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var diagnostics = generatorDiagnostics.Concat(output.GetDiagnostics()).ToList();
        return new Result((CSharpCompilation)output, diagnostics);
    }

    /// <summary>Nullable on, every warning an error, as <c>TreatWarningsAsErrors</c> builds.</summary>
    public static CSharpCompilationOptions Options(OutputKind kind) => new(
        kind,
        nullableContextOptions: NullableContextOptions.Enable,
        generalDiagnosticOption: ReportDiagnostic.Error,
        specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress },
        allowUnsafe: false);

    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var packs = Repository.Metadata("NetCoreTargetingPack");
        var files = new List<string>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var version = Directory.GetDirectories(Path.Combine(packs, pack)).Where(d => Path.GetFileName(d).StartsWith("10.", StringComparison.Ordinal)).Order().Last();
            files.AddRange(Directory.GetFiles(Path.Combine(version, "ref", "net10.0"), "*.dll"));
        }

        return [.. files.Select(f => MetadataReference.CreateFromFile(f))];
    }

    /// <summary>The gRPC packages the generated project references, from the test's own dependencies; Grpc.Core.Api first.</summary>
    private static ImmutableArray<MetadataReference> LoadGrpcReferences()
    {
        var files = new List<string>();
        foreach (var assembly in new[] { typeof(Grpc.Core.Metadata), typeof(Google.Protobuf.ByteString), typeof(Grpc.AspNetCore.Server.GrpcServiceOptions), typeof(Grpc.Net.Client.GrpcChannel), typeof(Grpc.Net.ClientFactory.GrpcClientFactory) })
        {
            files.Add(assembly.Assembly.Location);
        }

        files.Add(typeof(Microsoft.Extensions.DependencyInjection.GrpcServicesExtensions).Assembly.Location);
        return [.. files.Distinct().Select(f => MetadataReference.CreateFromFile(f))];
    }

    private static ImmutableArray<ISourceGenerator> LoadGenerators()
    {
        var packs = Repository.Metadata("NetCoreTargetingPack");
        var generators = new List<ISourceGenerator>();
        var wanted = new[] { "System.Text.Json.SourceGeneration.dll", "System.Text.RegularExpressions.Generator.dll", "Microsoft.Extensions.Logging.Generators.dll" };
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var version = Directory.GetDirectories(Path.Combine(packs, pack)).Where(d => Path.GetFileName(d).StartsWith("10.", StringComparison.Ordinal)).Order().Last();
            foreach (var file in Directory.GetFiles(Path.Combine(version, "analyzers", "dotnet", "cs"), "*.dll").Where(f => wanted.Contains(Path.GetFileName(f))))
            {
                generators.AddRange(new AnalyzerFileReference(file, AnalyzerLoader.Instance).GetGenerators(LanguageNames.CSharp));
            }
        }

        return [.. generators];
    }

    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public static AnalyzerLoader Instance { get; } = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
