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
        }

        Collisions("Type", document.Types.ValuesOrEmpty().Cast<DesignElement>().Concat(document.ResultTypes.ValuesOrEmpty().Cast<DesignElement>()));
        Collisions("Service", document.Services.ValuesOrEmpty().Cast<DesignElement>());

        foreach (var (name, service) in document.Services ?? [])
        {
            Identifier(name, "service", service.NameSpan);
            Collisions("Method", service.Methods.ValuesOrEmpty().Cast<DesignElement>());
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

            Collisions("Attribute", attributes.Values.Cast<DesignElement>());
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

    private void Collisions(string kind, IEnumerable<DesignElement> elements)
    {
        var seen = new Dictionary<string, DesignElement>(StringComparer.Ordinal);
        foreach (var element in elements.Where(e => CSharpNaming.IsDesignIdentifier(e.Name)))
        {
            var csharp = CSharpNaming.ToPascalCase(element.Name);
            if (seen.TryGetValue(csharp, out var first) && first.Name != element.Name)
            {
                context.Report(DiagnosticDescriptors.NameCollision, element.NameSpan, kind, first.Name, element.Name, csharp);
            }
            else
            {
                seen.TryAdd(csharp, element);
            }
        }
    }

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
}
