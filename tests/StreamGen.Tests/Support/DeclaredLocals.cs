using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamGen.Tests.Support;

/// <summary>The names of every parameter and local the generated code outside the runtime declares (the runtime has no design names in it).</summary>
internal static class DeclaredLocals
{
    public static IReadOnlySet<string> Find(Compilation compilation)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees.Where(t => IsGenerated(t.FilePath)))
        {
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var name = node switch
                {
                    ParameterSyntax parameter => parameter.Identifier.ValueText,
                    VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax or UsingStatementSyntax or ForStatementSyntax } variable => variable.Identifier.ValueText,
                    SingleVariableDesignationSyntax designation => designation.Identifier.ValueText,
                    ForEachStatementSyntax loop => loop.Identifier.ValueText,
                    CatchDeclarationSyntax { Identifier.ValueText.Length: > 0 } catchDeclaration => catchDeclaration.Identifier.ValueText,
                    _ => null,
                };
                if (name is not null)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    /// <summary>Files streamgen renders outside gen/Runtime (protoc's and the source generators' output have other paths).</summary>
    private static bool IsGenerated(string path) =>
        !path.StartsWith('/') && !path.Contains("Runtime/", StringComparison.Ordinal) && path.EndsWith(".cs", StringComparison.Ordinal)
        && !path.Contains("Generator", StringComparison.Ordinal) && path != "GlobalUsings.g.cs";
}
