namespace StreamGen.Runtime;

using global::System.Collections.Generic;
using global::System.Linq;
using global::Microsoft.AspNetCore.Authorization;
using global::Microsoft.AspNetCore.Authorization.Policy;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.DependencyInjection.Extensions;

/// <summary>
/// Registers what the generated <c>Add{Api}Authorization()</c> needs: the requirement's handler, the result handler that
/// answers refusals the Goa and gRPC way, and one policy per distinct security of the design, named from its schemes and
/// scopes (<c>jwt(api:read)|api_key</c>).
/// </summary>
public static class SecurityPolicies
{
    public static AuthorizationBuilder AddSecurity(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, SecurityRequirementHandler>());
        // Added, not tried: AddGrpc and AddAuthorization register the default handler first; this one delegates to it.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, SecurityResultHandler>();
        return services.AddAuthorizationBuilder();
    }

    /// <summary>The policy that admits a request satisfying any of <paramref name="alternatives"/>; the principal is the merge of all their schemes'.</summary>
    public static AuthorizationPolicy Policy(IReadOnlyList<SecurityAlternative> alternatives) =>
        new AuthorizationPolicyBuilder(alternatives.SelectMany(a => a.Schemes).Distinct().ToArray())
            .AddRequirements(new SecurityRequirement(alternatives))
            .Build();
}
