namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Linq;
using global::System.Security.Claims;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Authentication;
using global::Microsoft.AspNetCore.Authorization;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// Evaluates a <see cref="SecurityRequirement"/> through ASP.NET Core authentication: for each alternative in order, every
/// scheme is authenticated (each handler runs once per request) and the principals' scopes are checked. The first
/// alternative satisfied admits the request; otherwise the failure says whether any authenticated (403) or none did (401).
/// </summary>
public sealed class SecurityRequirementHandler : AuthorizationHandler<SecurityRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SecurityRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
        {
            return;
        }

        List<string>? authenticatedWithoutScope = null;
        foreach (var alternative in requirement.Alternatives)
        {
            var principals = new List<ClaimsPrincipal>();
            foreach (var scheme in alternative.Schemes)
            {
                var result = await http.AuthenticateAsync(scheme).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    break;
                }

                principals.Add(result.Principal);
            }

            if (principals.Count < alternative.Schemes.Count)
            {
                continue;
            }

            if (alternative.Scopes.All(scope => principals.Any(p => Scopes.Has(p, scope))))
            {
                // What the payload's credential attributes may carry: the credentials of the schemes that admitted the request.
                http.Items[ServerCredentials.AdmittedSchemesItem] = alternative.Schemes;
                context.Succeed(requirement);
                return;
            }

            authenticatedWithoutScope ??= [.. alternative.Schemes];
        }

        context.Fail(authenticatedWithoutScope is not null
            ? new SecurityFailure(this, "the credentials lack a required scope", true, authenticatedWithoutScope)
            : new SecurityFailure(this, "missing or invalid credentials", false, requirement.Alternatives.Count > 0 ? requirement.Alternatives[0].Schemes : []));
    }
}
