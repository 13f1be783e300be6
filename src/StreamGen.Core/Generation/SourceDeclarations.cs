using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamGen.Generation;

/// <summary>
/// What C# sources declare, as far as creating a user file is concerned: the names of their types and where the
/// entry point is (top-level statements or a static <c>Main</c>). Syntax only: no compilation, no references.
/// </summary>
public sealed class SourceDeclarations
{
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest, DocumentationMode.None);
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    private SourceDeclarations()
    {
    }

    /// <summary>The file with the entry point, or null.</summary>
    public string? EntryPointFile { get; private set; }

    /// <summary>Reads each file that exists (one missing is not this type's concern: the compiler will say so).</summary>
    public static SourceDeclarations Read(IEnumerable<string> paths)
    {
        var declarations = new SourceDeclarations();
        foreach (var path in paths.Where(File.Exists))
        {
            declarations.Add(path, File.ReadAllText(path));
        }

        return declarations;
    }

    /// <summary>Declarations of one text, for a file about to be created.</summary>
    public static SourceDeclarations Of(string path, string text)
    {
        var declarations = new SourceDeclarations();
        declarations.Add(path, text);
        return declarations;
    }

    public IEnumerable<string> TypeNames => _types.Keys;

    /// <summary>The file that declares a type of this simple name (any namespace), or null.</summary>
    public string? FileDeclaring(string typeName) => _types.GetValueOrDefault(typeName);

    private void Add(string path, string text)
    {
        var root = CSharpSyntaxTree.ParseText(text, Options, path).GetCompilationUnitRoot();
        if (root.Members.OfType<GlobalStatementSyntax>().Any())
        {
            EntryPointFile ??= path;
        }

        // Types live in namespaces and other types, never in method bodies that matter here: do not descend into members.
        foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            switch (node)
            {
                case BaseTypeDeclarationSyntax type:
                    _types.TryAdd(type.Identifier.ValueText, path);
                    break;
                case DelegateDeclarationSyntax type:
                    _types.TryAdd(type.Identifier.ValueText, path);
                    break;
                case MethodDeclarationSyntax { Identifier.ValueText: "Main" } method when method.Modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword)):
                    EntryPointFile ??= path;
                    break;
            }
        }
    }
}
