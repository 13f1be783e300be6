using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamGen.Tests.Support;

/// <summary>
/// The type and namespace names generated code writes without qualification, outside the API namespace: a design type
/// of the same name, declared in the API namespace, would shadow each of them wherever that namespace's members are in
/// scope (the generated code, the runtime under it, the scaffolded stubs).
/// </summary>
internal static class UnqualifiedNames
{
    public static IReadOnlySet<string> Find(Compilation compilation, string apiNamespace)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            // The runtime's copies import inside their namespace, so nothing of the API namespace can hide what they name
            // (RuntimeSourcesTests holds every runtime file to that rule).
            if (tree.FilePath.StartsWith("gen/Runtime/", StringComparison.Ordinal))
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            var importsApi = tree.GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>().Any(u => u.Name?.ToString() == apiNamespace);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                // Only where the API namespace's members are in scope: code in it or under it, or a file that imports it.
                var enclosing = model.GetEnclosingSymbol(name.SpanStart);
                var where = (enclosing as INamespaceSymbol ?? enclosing?.ContainingNamespace)?.ToDisplayString();
                if (!importsApi && (where is null || !IsWithin(where, apiNamespace)))
                {
                    continue;
                }

                if (IsQualified(name) || name.IsVar || name.Identifier.ValueText == "nameof" || name.Parent is UsingDirectiveSyntax or QualifiedNameSyntax { Parent: UsingDirectiveSyntax })
                {
                    continue;
                }

                var symbol = model.GetSymbolInfo(name).Symbol;
                if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && name.Parent is AttributeSyntax)
                {
                    symbol = constructor.ContainingType;
                }

                var ns = symbol switch
                {
                    INamespaceSymbol n => n.ContainingNamespace,
                    INamedTypeSymbol { TypeKind: not TypeKind.TypeParameter } type => type.ContainingNamespace,
                    _ => null,
                };
                if (ns is null || IsFoundFirst(ns.IsGlobalNamespace ? "" : ns.ToDisplayString(), where ?? "", apiNamespace))
                {
                    continue;
                }

                names.Add(name.Identifier.ValueText);
            }
        }

        return names;
    }

    /// <summary>The right-hand part of <c>A.B</c>, <c>a.B</c> or <c>alias::B</c>: found through what is on its left.</summary>
    private static bool IsQualified(SimpleNameSyntax name) => name.Parent switch
    {
        QualifiedNameSyntax qualified => qualified.Right == name,
        MemberAccessExpressionSyntax access => access.Name == name,
        AliasQualifiedNameSyntax alias => alias.Name == name || alias.Alias == name,
        MemberBindingExpressionSyntax => true,
        _ => false,
    };

    /// <summary>
    /// Whether the name is found before the API namespace is searched: it is declared in the API namespace itself, or
    /// in a namespace under it that encloses the use (the runtime's own types, used inside the runtime).
    /// </summary>
    private static bool IsFoundFirst(string declared, string use, string apiNamespace) =>
        declared == apiNamespace || (IsWithin(declared, apiNamespace) && IsWithin(use, declared));

    private static bool IsWithin(string ns, string apiNamespace) => ns == apiNamespace || ns.StartsWith(apiNamespace + ".", StringComparison.Ordinal);
}
