using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;

namespace StreamGen.Validation.Rules;

/// <summary>Methods: at most one kind of result, views only on result types that have them, error names that exist.</summary>
internal sealed class MethodRules(ValidationContext context)
{
    public void Run()
    {
        foreach (var (service, method) in context.Methods)
        {
            if (method.Result is not null && method.StreamingResult is not null)
            {
                context.Report(DiagnosticDescriptors.ResultAndStreamingResult, method.KeySpanOf("streamingResult"), method.Name);
            }

            foreach (var (role, reference) in method.TypeReferences())
            {
                var type = context.Index.TypeOf(reference, ValidationContext.Where(method, role));
                if (reference.View is { } view)
                {
                    CheckView(role, reference, type, view);
                }
            }

            CheckErrorNames(service, method, method.Http?.Errors, method.Http, "errors");
            CheckErrorNames(service, method, method.Grpc?.Errors, method.Grpc, "errors");
        }
    }

    private void CheckView(TypeRole role, DesignTypeRef reference, TypeExpression? type, string view)
    {
        var resultType = context.Index.ObjectOf(type)?.ResultType;
        if (role.IsRequest() || resultType is null)
        {
            if (type is not null)
            {
                context.Report(DiagnosticDescriptors.ViewOnNonResultType, reference.SpanOf("view"), view, role.IsRequest() ? $"the {role.Key()}" : type.ToString());
            }

            return;
        }

        var views = resultType.Views?.Keys.ToList() ?? ["default"];
        if (!views.Contains(view))
        {
            context.ReportWithHint(DiagnosticDescriptors.UnknownView, reference.SpanOf("view"), NameSuggester.Hint(view, views), resultType.Name, view);
        }
    }

    /// <summary>Error names a transport maps must be declared on the method or its service.</summary>
    /// <remarks>
    /// It enumerates the map itself, not its Keys, as HttpRules does: each member of OrderedDictionary&lt;string, int&gt; used
    /// is generic code over int that the JIT compiles at start (ReadyToRun cannot precompile it).
    /// </remarks>
    public void CheckErrorNames<T>(DesignService service, DesignMethod method, OrderedDictionary<string, T>? mapped, DesignElement? owner, string key)
    {
        if (mapped is null || owner is null)
        {
            return;
        }

        var known = (method.Errors.KeysOrEmpty()).Concat(service.Errors.KeysOrEmpty()).ToList();
        foreach (var (name, _) in mapped)
        {
            if (!known.Contains(name))
            {
                context.ReportWithHint(DiagnosticDescriptors.UnknownError, owner.EntrySpanOf(key, name), NameSuggester.Hint(name, known), name, method.Name);
            }
        }
    }
}
