using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;
using StreamGen.Naming;

namespace StreamGen.Validation.Rules;

/// <summary>Every name is an identifier, and no two names of one scope become the same C# name.</summary>
internal sealed class NameRules(ValidationContext context)
{
    public void Run()
    {
        var document = context.Document;
        if (document.Api is { ApiName: { } apiName } api)
        {
            Identifier(apiName, "API", api.SpanOf("name"));
            if (api.Namespace is { } ns && !CSharpNaming.IsNamespace(ns))
            {
                context.Report(DiagnosticDescriptors.InvalidName, api.SpanOf("namespace"), ns, "namespace", "use dot-separated identifiers such as Acme.Logger");
            }
            else if (api.Namespace?.Split('.').FirstOrDefault(ReservedNames.IsHiddenByNamespace) is { } hiding)
            {
                context.Report(
                    DiagnosticDescriptors.InvalidName, api.SpanOf("namespace"), api.Namespace, "namespace", $"inside it, '{hiding}' would mean the namespace instead of the {hiding} the generated code uses");
            }
        }

        foreach (var (name, type) in document.Types ?? [])
        {
            TypeName(name, type);
            if (document.ResultTypes?.ContainsKey(name) == true)
            {
                context.Report(DiagnosticDescriptors.TypeDefinedTwice, document.ResultTypes[name].NameSpan, name);
            }
        }

        foreach (var (name, type) in document.ResultTypes ?? [])
        {
            TypeName(name, type);
            foreach (var view in type.Views.KeysOrEmpty())
            {
                Identifier(view, "view", type.EntrySpanOf("views", view));
            }

            Collisions("View", type.Views.KeysOrEmpty().Select(v => new NamedSpan(v, type.EntrySpanOf("views", v))));
        }

        Collisions("Type", Named(document.Types.ValuesOrEmpty().Cast<DesignElement>().Concat(document.ResultTypes.ValuesOrEmpty())));
        Collisions("Service", Named(document.Services.ValuesOrEmpty()));

        foreach (var (name, service) in document.Services ?? [])
        {
            Identifier(name, "service", service.NameSpan);
            Collisions("Method", Named(service.Methods.ValuesOrEmpty()));

            // A service's errors and its methods' are one class of factories: one name each, however often declared.
            Collisions("Error", Named((service.Errors ?? []).Values.Concat(service.Methods.ValuesOrEmpty().SelectMany(m => m.Errors.ValuesOrEmpty())).DistinctBy(e => e.Name)));
            foreach (var (errorName, error) in service.Errors ?? [])
            {
                Identifier(errorName, "error", error.NameSpan);
            }

            foreach (var (methodName, method) in service.Methods ?? [])
            {
                Identifier(methodName, "method", method.NameSpan);
                foreach (var (errorName, error) in method.Errors ?? [])
                {
                    Identifier(errorName, "error", error.NameSpan);
                }
            }
        }

        foreach (var attributes in AllAttributeMaps())
        {
            foreach (var (name, attribute) in attributes)
            {
                Identifier(name, "attribute", attribute.NameSpan);
            }

            Collisions("Attribute", Named(attributes.Values));
        }
    }

    private void TypeName(string name, DesignElement type)
    {
        Identifier(name, "type", type.NameSpan);
        if (PrimitiveKinds.TryParse(name, out _) || name is "ArrayOf" or "MapOf")
        {
            context.Report(DiagnosticDescriptors.BuiltInTypeName, type.NameSpan, name);
        }
    }

    private void Identifier(string name, string kind, SourceSpan span)
    {
        if (name.Length == 0)
        {
            context.Report(DiagnosticDescriptors.InvalidName, span, name, kind, "it is empty");
        }
        else if (!CSharpNaming.IsDesignIdentifier(name))
        {
            context.Report(DiagnosticDescriptors.InvalidName, span, name, kind, "use letters, digits and underscores, starting with a letter or underscore");
        }
    }

    /// <summary>Names of one scope that differ as written but become the same C# name (<c>not_found</c>, <c>notFound</c>).</summary>
    private void Collisions(string kind, IEnumerable<NamedSpan> names)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, span) in names.Where(n => CSharpNaming.IsDesignIdentifier(n.Name)))
        {
            var csharp = CSharpNaming.ToPascalCase(name);
            if (seen.TryGetValue(csharp, out var first) && first != name)
            {
                context.Report(DiagnosticDescriptors.NameCollision, span, kind, first, name, csharp);
            }
            else
            {
                seen.TryAdd(csharp, name);
            }
        }
    }

    private static IEnumerable<NamedSpan> Named(IEnumerable<DesignElement> elements) => elements.Select(e => new NamedSpan(e.Name, e.NameSpan));

    /// <summary>Every attributes mapping of the design: named types, method types and nested inline types.</summary>
    private IEnumerable<OrderedDictionary<string, DesignAttribute>> AllAttributeMaps()
    {
        var roots = new List<OrderedDictionary<string, DesignAttribute>?>();
        roots.AddRange(context.Document.Types.ValuesOrEmpty().Select(t => t.Attributes));
        roots.AddRange(context.Document.ResultTypes.ValuesOrEmpty().Select(t => t.Attributes));
        foreach (var (_, method) in context.Methods)
        {
            roots.AddRange(method.TypeReferences().Select(r => r.Reference.Attributes));
        }

        var pending = new Stack<OrderedDictionary<string, DesignAttribute>>(roots.OfType<OrderedDictionary<string, DesignAttribute>>().Reverse());
        while (pending.TryPop(out var attributes))
        {
            yield return attributes;
            foreach (var nested in attributes.Values.Select(a => a.Attributes).OfType<OrderedDictionary<string, DesignAttribute>>().Reverse())
            {
                pending.Push(nested);
            }
        }
    }

    /// <summary>A name and where it is declared. A class, not a tuple: LINQ over value tuples is generic code over structs that ReadyToRun cannot precompile.</summary>
    private sealed record NamedSpan(string Name, SourceSpan Span);
}
