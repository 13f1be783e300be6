using StreamGen.Design;
using StreamGen.Diagnostics;

namespace StreamGen.Validation.Rules;

/// <summary>Views of result types: each lists attributes of its type, none is empty, and there is a default view.</summary>
internal sealed class ViewRules(ValidationContext context)
{
    public void Run()
    {
        foreach (var (typeName, type) in context.Document.ResultTypes ?? [])
        {
            if (type.Views is not { } views)
            {
                continue;
            }

            if (views.Count > 0 && !views.ContainsKey("default"))
            {
                context.ReportWithHint(
                    DiagnosticDescriptors.MissingDefaultView, type.KeySpanOf("views"), NameSuggester.Hint("default", views.Keys), typeName);
            }

            foreach (var (viewName, attributes) in views)
            {
                if (attributes.Count == 0)
                {
                    context.Report(DiagnosticDescriptors.EmptyView, type.EntrySpanOf("views", viewName), viewName, typeName);
                }

                for (var i = 0; i < attributes.Count; i++)
                {
                    if (type.Attributes?.ContainsKey(attributes[i]) != true)
                    {
                        context.ReportWithHint(
                            DiagnosticDescriptors.ViewUnknownAttribute,
                            type.ItemSpanOf($"views.{viewName}", i),
                            NameSuggester.Hint(attributes[i], type.Attributes.KeysOrEmpty()),
                            viewName,
                            typeName,
                            attributes[i]);
                    }
                }
            }
        }
    }
}
