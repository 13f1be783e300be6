using StreamGen.Design;
using StreamGen.Design.Types;
using StreamGen.Diagnostics;
using StreamGen.Validation.Rules;

namespace StreamGen.Validation;

/// <summary>Runs every rule over a bound design and collects all their diagnostics in one pass; never throws for a user's mistake.</summary>
public static class DesignValidator
{
    public static DesignIndex Validate(DesignDocument document, DiagnosticBag diagnostics)
    {
        var index = new DesignIndex(document, diagnostics);
        var context = new ValidationContext(document, index, diagnostics);
        new NameRules(context).Run();
        new ApiRules(context).Run();
        new TypeRules(context).Run();
        new ViewRules(context).Run();
        new MethodRules(context).Run();
        new HttpRules(context).Run();
        new GrpcRules(context).Run();
        new SecurityRules(context).Run();
        new CredentialRules(context).Run();
        new InterceptorRules(context).Run();
        return index;
    }
}
