using StreamGen.Design;
using StreamGen.Diagnostics;

namespace StreamGen.Validation.Rules;

/// <summary>The settings of the api block that are not names: <c>runtime</c> is one of its values.</summary>
internal sealed class ApiRules(ValidationContext context)
{
    public void Run()
    {
        if (context.Document.Api is { Runtime: { } runtime } api && !DesignApi.RuntimeValues.Contains(runtime, StringComparer.Ordinal))
        {
            context.ReportWithHint(
                DiagnosticDescriptors.WrongValueKind,
                api.SpanOf("runtime"),
                NameSuggester.Hint(runtime, DesignApi.RuntimeValues),
                "runtime",
                string.Join(" or ", DesignApi.RuntimeValues),
                $"'{runtime}'");
        }
    }
}
