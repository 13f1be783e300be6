using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamGen.Generation;
using StreamGen.Model;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Generation;

/// <summary>
/// gen/Runtime is the StreamGen.Runtime library as source: every file of the areas a design uses, byte for byte the
/// library's file with only its namespace line rewritten, after the header every generated C# file has. The golden copies
/// leave gen/Runtime out because this test holds it. Also the rules that make the sources safe to copy into any namespace.
/// </summary>
public sealed class RuntimeSourcesTests
{
    /// <summary>Where the copies go in a generated project.</summary>
    public const string Folder = "gen/Runtime/";

    private const string HttpOnly = """
        api: { name: plain, namespace: Acme.Plain }
        services:
          plain:
            methods:
              ticks:
                payload: { attributes: { every: { type: Int32 } } }
                streamingResult: { attributes: { n: { type: Int64 } }, required: [n] }
                http: { GET: /ticks, params: [every] }
        """;

    private const string GrpcOnly = """
        api: { name: remote, namespace: Acme.Remote }
        services:
          remote:
            methods:
              echo:
                streamingPayload: { attributes: { text: { type: String, field: 1 } }, required: [text] }
                streamingResult: { attributes: { text: { type: String, field: 1 } }, required: [text] }
                grpc: {}
        """;

    private static string LibraryRoot => Path.Combine(Repository.Root, "src", "StreamGen.Runtime");

    /// <summary>The library's C# files by path relative to its folder (build output left out).</summary>
    private static SortedDictionary<string, string> Library { get; } = new(
        Directory.EnumerateFiles(LibraryRoot, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(LibraryRoot, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(LibraryRoot, f)).Replace("\r\n", "\n", StringComparison.Ordinal)),
        StringComparer.Ordinal);

    public static TheoryData<string, string[]> SourceDesigns => new()
    {
        { "logger", ["Core", "Hosting", "Http", "Grpc"] },
        { "http-only", ["Core", "Hosting", "Http"] },
        { "grpc-only", ["Core", "Hosting", "Grpc"] },
    };

    [Theory]
    [MemberData(nameof(SourceDesigns))]
    public void Gen_runtime_is_the_library_of_the_areas_the_design_uses_with_the_namespace_rewritten(string design, string[] areas)
    {
        var generated = Generate(design);
        var model = generated.Model!;
        var header = HeaderOf(generated.Files.Single(f => f.RelativePath == $"gen/{model.TypeStem}Server.g.cs").Content);

        var expected = Library.Where(f => areas.Contains(f.Key[..f.Key.IndexOf('/', StringComparison.Ordinal)])).ToList();
        var copies = generated.Files.Where(f => f.RelativePath.StartsWith(Folder, StringComparison.Ordinal)).ToList();

        Assert.Equal(expected.Select(f => $"{Folder}{f.Key[..^3]}.g.cs"), copies.Select(f => f.RelativePath));
        foreach (var ((path, text), copy) in expected.Zip(copies))
        {
            var rewritten = text.Replace("namespace StreamGen.Runtime;\n", $"namespace {model.Namespace}.Runtime;\n", StringComparison.Ordinal);
            Assert.True(header + "\n" + rewritten == copy.Content, $"{copy.RelativePath} is not {path} of the library with its namespace rewritten");
        }
    }

    [Fact]
    public void The_golden_copies_hold_no_runtime()
    {
        var runtimes = Directory.GetDirectories(Repository.Golden, "Runtime", SearchOption.AllDirectories);

        Assert.Empty(runtimes);
    }

    [Theory]
    [InlineData("http-only")]
    [InlineData("grpc-only")]
    public void A_design_with_one_transport_compiles_with_only_its_areas(string design)
    {
        // GeneratedCompilation references the gRPC assemblies only for a design with gRPC: the HTTP-only design is
        // proven not to need them, the gRPC-only one not to need the HTTP runtime it was not given.
        var result = GeneratedCompilation.Compile(Generate(design), design.Replace('-', '_'));

        Assert.Empty(result.Problems.Select(d => d.ToString()));
    }

    [Fact]
    public void Design_types_named_like_what_the_runtime_imports_do_not_shadow_it()
    {
        // Usings inside the namespace win over types of enclosing namespaces: these names would otherwise bind the
        // runtime's Status, Metadata, Encoding... to the design's records in the copies.
        var names = new[] { "Status", "Metadata", "Encoding", "Timer", "Exception", "Stream", "Channel", "WebSocket", "JsonSerializer", "StringValues" };
        var types = string.Concat(names.Select(n => $"  {n}: {{ attributes: {{ x: {{ type: String, field: 1 }} }} }}\n"));
        var design = $$"""
            api: { name: shadow, namespace: Acme.Shadow }
            types:
            {{types}}services:
              shadow:
                methods:
                  get:
                    payload: Status
                    result: Encoding
                    http: { POST: /get }
                    grpc: {}
                  watch:
                    streamingPayload: Stream
                    streamingResult: Metadata
                    http: { GET: /watch }
                    grpc: {}
            """;
        var generated = Designs.Generate(design, "shadow.yaml");
        Assert.True(generated.Succeeded, string.Join("\n", generated.Diagnostics));

        var result = GeneratedCompilation.Compile(generated, "shadow");

        Assert.Empty(result.Problems.Select(d => d.ToString()));
    }

    [Fact]
    public void With_the_runtime_package_nothing_is_copied_and_the_package_of_the_tool_version_is_referenced()
    {
        var generated = Designs.Generate(File.ReadAllText(Path.Combine(Repository.Designs, "logger.yaml")), "logger.yaml");
        var package = StreamGenerator.Generate(
            File.ReadAllText(Path.Combine(Repository.Designs, "logger.yaml")), "logger.yaml", Designs.Options with { Runtime = RuntimeMode.Package });

        Assert.DoesNotContain(package.Files, f => f.RelativePath.StartsWith(Folder, StringComparison.Ordinal));
        Assert.Equal("StreamGen.Runtime", package.Model!.RuntimeNamespace);
        Assert.Contains(
            $"<PackageReference Include=\"StreamGen.Runtime\" Version=\"[{Designs.Options.ToolVersion}]\" />",
            package.Files.Single(f => f.RelativePath == "gen/StreamGen.props").Content,
            StringComparison.Ordinal);

        // Apart from the props, the two modes differ only in where the runtime's types are.
        foreach (var file in package.Files.Where(f => f.RelativePath != "gen/StreamGen.props"))
        {
            var source = generated.Files.Single(f => f.RelativePath == file.RelativePath).Content;
            Assert.Equal(source.Replace("Acme.Logger.Runtime", "StreamGen.Runtime", StringComparison.Ordinal), file.Content);
        }
    }

    [Fact]
    public void Code_generated_for_the_runtime_package_compiles_against_the_library()
    {
        var generated = StreamGenerator.Generate(
            File.ReadAllText(Path.Combine(Repository.Designs, "logger.yaml")), "logger.yaml", Designs.Options with { Runtime = RuntimeMode.Package });

        var result = GeneratedCompilation.Compile(generated, "logger_package");

        Assert.Empty(result.Problems.Select(d => d.ToString()));
    }

    [Fact]
    public void The_embedded_sources_are_the_library_files()
    {
        Assert.Equal(Library.Keys, RuntimeSources.All.Select(s => s.Path));
        Assert.All(RuntimeSources.All, s => Assert.Equal(Library[s.Path], s.Text));
    }

    [Fact]
    public void Library_files_can_be_copied_into_any_namespace()
    {
        var problems = new List<string>();
        foreach (var (path, text) in Library)
        {
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text).GetRoot();
            if (!text.StartsWith("namespace StreamGen.Runtime;\n", StringComparison.Ordinal) || root.Members is not [FileScopedNamespaceDeclarationSyntax ns])
            {
                problems.Add($"{path}: must start with 'namespace StreamGen.Runtime;', the only line the generator rewrites");
                continue;
            }

            if (text.IndexOf("StreamGen.Runtime", text.IndexOf('\n', StringComparison.Ordinal), StringComparison.Ordinal) >= 0)
            {
                problems.Add($"{path}: names StreamGen.Runtime outside the namespace line, which the copy would not rewrite");
            }

            if (root.Usings.Count > 0 || ns.Usings.Any(u => !u.NamespaceOrType.ToString().StartsWith("global::", StringComparison.Ordinal)))
            {
                problems.Add($"{path}: usings go inside the namespace and start with global::, so no design name can shadow them");
            }

            var types = ns.Members.OfType<BaseTypeDeclarationSyntax>().Cast<MemberDeclarationSyntax>().Concat(ns.Members.OfType<DelegateDeclarationSyntax>()).ToList();
            var name = Path.GetFileNameWithoutExtension(path);
            if (types.Count != 1 || NameOf(types[0]) != name)
            {
                problems.Add($"{path}: holds {string.Join(", ", types.Select(NameOf))}; one type per file, named like the file");
            }
        }

        Assert.Empty(problems);
    }

    private static string NameOf(MemberDeclarationSyntax member) => member switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.Text,
        DelegateDeclarationSyntax @delegate => @delegate.Identifier.Text,
        _ => member.Kind().ToString(),
    };

    /// <summary>The auto-generated header block every generated C# file starts with (up to its first blank line).</summary>
    private static string HeaderOf(string content) => content[..(content.IndexOf("\n\n", StringComparison.Ordinal) + 1)];

    private static GenerationResult Generate(string design)
    {
        var generated = design switch
        {
            "http-only" => Designs.Generate(HttpOnly, "plain.yaml"),
            "grpc-only" => Designs.Generate(GrpcOnly, "remote.yaml"),
            _ => Designs.GenerateFile(Path.Combine(Repository.Designs, design + ".yaml")),
        };
        Assert.True(generated.Succeeded, string.Join("\n", generated.Diagnostics));
        return generated;
    }
}
