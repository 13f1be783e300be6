using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamGen.Generation;

namespace StreamGen.Tests.Support;

/// <summary>
/// Compiles many generated projects in ONE Roslyn compilation and one protoc run, as <see cref="GeneratedCompilation"/>
/// compiles one: a compilation has a fixed cost (references, source generators) that dominates small designs. Each
/// design keeps its own namespace; its files are prefixed with its key so every problem is attributed to its design;
/// its top-level Program.cs is wrapped in a method (a compilation holds one set of top-level statements). Designs whose
/// namespaces or .proto file names would clash go to separate compilations, and a design with a problem is compiled
/// again alone, so that nothing one design declares can be blamed on another.
/// <para>
/// Every design carries its own copy of the runtime (gen/Runtime, ~10,000 lines: four fifths of a small design's code),
/// the same text but for its namespace line. "Runtime" is a reserved child namespace, so no design type lives there, and
/// the runtime imports with <c>global::</c>-qualified usings inside its namespace: its method bodies bind the same in
/// every design. The first copy of each runtime file in a batch is compiled whole; the others keep their declarations
/// (which the design's code binds against) and lose their bodies, and their diagnostics are not reported. A design's own
/// files, and what the source generators write for it, are compiled whole, compilation-wide warnings included.
/// </para>
/// </summary>
internal static partial class GeneratedBatchCompilation
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    /// <summary>The problems (warnings and errors, protoc's included) of each design, by key; an empty list when it compiles clean.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Compile(IReadOnlyList<(string Key, GenerationResult Generated)> designs)
    {
        var problems = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in Groups(designs))
        {
            var batch = CompileTogether(group);
            foreach (var (key, generated) in group)
            {
                // Confirm alone: a problem in a batch may come from a name another design declared.
                problems[key] = batch.TryGetValue(key, out var found) && found.Count > 0 ? CompileAlone(generated, key) : [];
            }
        }

        return problems;
    }

    /// <summary>One design alone, the way <see cref="GeneratedCompilation"/> builds it; protoc's failure is a problem too.</summary>
    public static IReadOnlyList<string> CompileAlone(GenerationResult generated, string name)
    {
        try
        {
            return GeneratedCompilation.Compile(generated, "alone_" + Sanitize(name)).Problems.Select(d => d.ToString()).ToList();
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("protoc failed", StringComparison.Ordinal))
        {
            return [e.Message];
        }
    }

    private static IEnumerable<List<(string Key, GenerationResult Generated)>> Groups(IReadOnlyList<(string Key, GenerationResult Generated)> designs)
    {
        var groups = new List<(HashSet<string> Claims, List<(string, GenerationResult)> Members)>();
        foreach (var design in designs)
        {
            var model = design.Generated.Model!;
            var claims = new HashSet<string>(StringComparer.Ordinal) { "ns:" + model.Namespace.Split('.')[0] };
            foreach (var context in design.Generated.Files.Where(f => f.RelativePath.EndsWith(JsonContextSuffix, StringComparison.Ordinal) && !f.RelativePath.StartsWith(RuntimeFolder, StringComparison.Ordinal)))
            {
                // The JSON source generator names its files after the context class alone, namespace left out: two
                // designs' contexts of one name make it fail for the whole compilation.
                claims.Add("json:" + Path.GetFileName(context.RelativePath));
            }

            foreach (var proto in design.Generated.Files.Where(f => f.RelativePath.EndsWith(".proto", StringComparison.Ordinal)))
            {
                claims.Add("proto:" + Path.GetFileName(proto.RelativePath).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant());
            }

            var group = groups.FirstOrDefault(g => !g.Claims.Overlaps(claims));
            if (group.Members is null)
            {
                group = (new HashSet<string>(StringComparer.Ordinal), []);
                groups.Add(group);
            }

            group.Claims.UnionWith(claims);
            group.Members.Add(design);
        }

        return groups.Select(g => g.Members);
    }

    private static Dictionary<string, List<string>> CompileTogether(List<(string Key, GenerationResult Generated)> group)
    {
        using var temp = new TempDirectory();
        var found = group.ToDictionary(d => d.Key, _ => new List<string>(), StringComparer.Ordinal);
        var trees = new List<SyntaxTree>();
        var protos = new List<string>();
        var protoOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var runtimeCompiled = new HashSet<string>(StringComparer.Ordinal);
        var bodiless = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, generated) in group)
        {
            foreach (var file in generated.Files)
            {
                if (file.RelativePath.EndsWith(".cs", StringComparison.Ordinal))
                {
                    var text = file.RelativePath == "Program.cs" ? WrapTopLevelStatements(file.Content, key) : file.Content;
                    var path = $"{key}/{file.RelativePath}";
                    var tree = CSharpSyntaxTree.ParseText(text, Parse, path);
                    if (file.RelativePath.StartsWith(RuntimeFolder, StringComparison.Ordinal) && !runtimeCompiled.Add(file.RelativePath))
                    {
                        tree = CSharpSyntaxTree.Create((CSharpSyntaxNode)BodyRemover.Instance.Visit(tree.GetRoot()), Parse, path);
                        bodiless.Add(path);
                    }

                    trees.Add(tree);
                }
                else if (file.RelativePath.EndsWith(".proto", StringComparison.Ordinal))
                {
                    var relative = $"{key}/{file.RelativePath}";
                    Directory.CreateDirectory(Path.GetDirectoryName(temp.Combine("proto", relative))!);
                    File.WriteAllText(temp.Combine("proto", relative), file.Content);
                    protos.Add(relative);
                    protoOwners[generated.Model!.Proto!.CSharpNamespace] = key;
                }
            }
        }

        if (protos.Count > 0)
        {
            try
            {
                foreach (var csharp in Protoc.CompileToCSharp(temp.Combine("proto"), protos, temp.Combine("protoc")))
                {
                    var text = File.ReadAllText(csharp);
                    var owner = ProtocNamespace().Match(text) is { Success: true } match && protoOwners.TryGetValue(match.Groups[1].Value, out var key) ? key : "?";
                    trees.Add(CSharpSyntaxTree.ParseText(text, Parse, $"{owner}/protoc/{Path.GetFileName(csharp)}"));
                }
            }
            catch (InvalidOperationException e)
            {
                // Which design's .proto failed is in protoc's message; each is compiled alone to tell.
                return group.ToDictionary(d => d.Key, _ => new List<string> { e.Message }, StringComparer.Ordinal);
            }
        }

        trees.Add(CSharpSyntaxTree.ParseText(string.Concat(GeneratedCompilation.ImplicitUsings.Select(u => $"global using global::{u};\n")), Parse, "GlobalUsings.g.cs"));
        var compilation = CSharpCompilation.Create("batch", trees, GeneratedCompilation.References, GeneratedCompilation.Options(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(GeneratedCompilation.Generators, parseOptions: Parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        foreach (var diagnostic in generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            var path = diagnostic.Location.SourceTree?.FilePath ?? "";
            if (bodiless.Contains(path))
            {
                continue;
            }

            var slash = path.IndexOf('/', StringComparison.Ordinal);
            var key = slash > 0 ? path[..slash] : "";
            if (found.TryGetValue(key, out var list))
            {
                list.Add(diagnostic.ToString());
            }
            else
            {
                // A problem no file explains (a source generator's output, a clash): every design is checked alone.
                foreach (var all in found.Values)
                {
                    all.Add(diagnostic.ToString());
                }
            }
        }

        return found;
    }

    /// <summary>Program.cs's top-level statements become a method of a class in a namespace of the design's own.</summary>
    private static string WrapTopLevelStatements(string text, string key)
    {
        var root = CSharpSyntaxTree.ParseText(text, Parse).GetCompilationUnitRoot();
        var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
        if (statements.Count == 0)
        {
            return text;
        }

        static IEnumerable<SyntaxNode> OutsideLambdas(SyntaxNode node) =>
            node.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));
        var awaits = statements.SelectMany(OutsideLambdas).Any(n => n is AwaitExpressionSyntax || n.ChildTokens().Any(t => t.IsKind(SyntaxKind.AwaitKeyword)));
        var returnsValue = statements.SelectMany(OutsideLambdas).OfType<ReturnStatementSyntax>().Any(r => r.Expression is not null);
        var returnType = (awaits, returnsValue) switch
        {
            (true, true) => "async Task<int>",
            (true, false) => "async Task",
            (false, true) => "int",
            _ => "void",
        };
        var others = root.Members.Where(m => m is not GlobalStatementSyntax);
        return $"{root.Externs.ToFullString()}{root.Usings.ToFullString()}{root.AttributeLists.ToFullString()}\n" +
            $"namespace StreamGenBatch.{Sanitize(key)}\n{{\n    internal static class TopLevelProgram\n    {{\n        public static {returnType} Main(string[] args)\n        {{\n" +
            string.Concat(statements.Select(s => s.ToFullString())) + "\n        }\n    }\n}\n" + string.Concat(others.Select(o => o.ToFullString()));
    }

    private const string RuntimeFolder = "gen/Runtime/";
    private const string JsonContextSuffix = "JsonContext.g.cs";

    /// <summary>
    /// Replaces every body (methods, constructors, accessors, operators) with <c>throw null!</c>, and takes the JSON source
    /// generator's attributes off: the runtime's own context (ErrorResultJsonContext) is generated for the whole copy
    /// compiled whole, and a second context of its name would make the generator fail (its file names leave the namespace out).
    /// </summary>
    private sealed class BodyRemover : CSharpSyntaxRewriter
    {
        public static readonly BodyRemover Instance = new();

        private static readonly ArrowExpressionClauseSyntax Throw = SyntaxFactory.ArrowExpressionClause(
            SyntaxFactory.ThrowExpression(SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression))));

        private static readonly SyntaxToken Semicolon = SyntaxFactory.Token(SyntaxKind.SemicolonToken);

        public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node)
        {
            var visited = (ClassDeclarationSyntax)base.VisitClassDeclaration(node)!;
            return visited.WithAttributeLists(SyntaxFactory.List(visited.AttributeLists.Where(list => !list.Attributes.Any(a => a.Name.ToString().StartsWith("JsonS", StringComparison.Ordinal)))));
        }

        // Without its body an async method or iterator would be an error of its own: the modifier goes too.
        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
            Bodiless(node.WithModifiers(SyntaxFactory.TokenList(node.Modifiers.Where(m => !m.IsKind(SyntaxKind.AsyncKeyword)))));

        public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) => Bodiless(node);

        public override SyntaxNode? VisitDestructorDeclaration(DestructorDeclarationSyntax node) => Bodiless(node);

        public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) => Bodiless(node);

        public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) => Bodiless(node);

        public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node) =>
            node.Body is null && node.ExpressionBody is null ? node : node.WithBody(null).WithExpressionBody(Throw).WithSemicolonToken(Semicolon);

        public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node) =>
            node.ExpressionBody is null ? base.VisitPropertyDeclaration(node) : node.WithExpressionBody(Throw);

        public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node) =>
            node.ExpressionBody is null ? base.VisitIndexerDeclaration(node) : node.WithExpressionBody(Throw);

        private static SyntaxNode Bodiless(BaseMethodDeclarationSyntax node) =>
            node.Body is null && node.ExpressionBody is null ? node : node.WithBody(null).WithExpressionBody(Throw).WithSemicolonToken(Semicolon);
    }

    private static string Sanitize(string key) => Regex.Replace(key, "[^A-Za-z0-9_]", "_");

    [GeneratedRegex(@"^namespace ([\w.]+) \{", RegexOptions.Multiline)]
    private static partial Regex ProtocNamespace();
}
