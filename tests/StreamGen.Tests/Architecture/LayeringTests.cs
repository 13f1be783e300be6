using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Architecture;

/// <summary>
/// The core is layered: Diagnostics, Naming, Design, Validation, Model, Generation, each free to use the ones before it
/// and none after it. Every source file is bound with Roslyn, so a reference counts however it is written: through a
/// using, fully qualified, or partly qualified from an enclosing namespace.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] Layers = ["Diagnostics", "Naming", "Design", "Validation", "Model", "Generation"];

    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    // Two planted references upward, bound with the core, show the check finds what it looks for.
    private static readonly Lazy<List<string>> Found = new(() => Violations(
    [
        "namespace StreamGen.Design.Types { internal static class Upward { public static object? M() => Model.CSharpLiterals.String(\"x\"); } }",
        "using StreamGen.Generation;\nnamespace StreamGen.Naming { internal static class Upward2 { public static object? M() => typeof(OutputFile); } }",
    ]));

    [Fact]
    public void No_stage_of_the_core_uses_a_later_one()
    {
        var violations = Found.Value.Where(v => !v.StartsWith("extra", StringComparison.Ordinal)).ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void A_reference_to_a_later_stage_is_found_however_it_is_written()
    {
        var violations = Found.Value;

        Assert.Contains(violations, v => v.StartsWith("extra0.cs:1: StreamGen.Design.Types uses StreamGen.Model", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("extra1.cs:1: StreamGen.Naming uses StreamGen.Generation", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("extra1.cs:2: StreamGen.Naming uses StreamGen.Generation", StringComparison.Ordinal));
    }

    private static List<string> Violations(IReadOnlyList<string> extraSources)
    {
        var source = Path.Combine(Repository.Root, "src", "StreamGen.Core");
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, Path.GetRelativePath(source, f)))
            .Concat(extraSources.Select((text, i) => CSharpSyntaxTree.ParseText(text, parse, $"extra{i}.cs")))
            .Append(CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), parse, "GlobalUsings.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "StreamGen.Core.Layering",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // [GeneratedRegex] methods have their bodies from a source generator, which binding does not need (CS8795).
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795").Take(5).ToList();
        Assert.True(errors.Count == 0, "the core must bind for its references to be checked:\n" + string.Join("\n", errors));

        var violations = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
            {
                var layer = LayerOf(declaration.Name.ToString());
                Assert.True(layer >= 0 || !declaration.Name.ToString().StartsWith("StreamGen", StringComparison.Ordinal), $"{tree.FilePath}: namespace {declaration.Name} is in no layer");
                var names = declaration.DescendantNodes().OfType<SimpleNameSyntax>()
                    .Concat(tree.GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>().SelectMany(u => u.DescendantNodes().OfType<SimpleNameSyntax>()));
                foreach (var name in names)
                {
                    if (NamespaceOf(model.GetSymbolInfo(name)) is { } used && LayerOf(used) > layer)
                    {
                        var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                        violations.Add($"{tree.FilePath}:{line}: {declaration.Name} uses {used} ({name})");
                    }
                }
            }
        }

        return violations.Distinct().ToList();
    }

    private static string? NamespaceOf(SymbolInfo info)
    {
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        var ns = symbol switch
        {
            INamespaceSymbol n => n,
            IArrayTypeSymbol array => array.ElementType.ContainingNamespace,
            ITypeSymbol type => type.ContainingNamespace,
            IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType?.ContainingNamespace,
            _ => null,
        };
        return ns is null || ns.IsGlobalNamespace ? null : ns.ToDisplayString();
    }

    private static int LayerOf(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length >= 2 && parts[0] == "StreamGen" ? Array.IndexOf(Layers, parts[1]) : -1;
    }

    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(p => !Path.GetFileName(p).StartsWith("StreamGen.", StringComparison.Ordinal) && Path.GetFileName(p) != "streamgen.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
    }
}
