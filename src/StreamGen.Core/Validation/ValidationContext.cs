using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;

namespace StreamGen.Validation;

/// <summary>What every rule reads: the design, the shared name index and the diagnostics of the run.</summary>
internal sealed class ValidationContext(DesignDocument document, DesignIndex index, DiagnosticBag diagnostics)
{
    public DesignDocument Document { get; } = document;

    public DesignIndex Index { get; } = index;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public IEnumerable<ServiceMethod> Methods
    {
        get
        {
            foreach (var service in (Document.Services ?? []).Values)
            {
                foreach (var method in (service.Methods ?? []).Values)
                {
                    yield return new ServiceMethod(service, method);
                }
            }
        }
    }

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) => Diagnostics.Report(descriptor, span, args);

    public void ReportWithHint(DiagnosticDescriptor descriptor, SourceSpan span, string? hint, params object?[] args) =>
        Diagnostics.ReportWithHint(descriptor, span, hint, args);

    public static string Where(DesignMethod method, TypeRole role) => $"{role.Key()} of method '{method.Name}'";
}
