namespace StreamGen.Runtime;

using global::System.Collections.Generic;
using global::Microsoft.AspNetCore.Authorization;

/// <summary>
/// The authorization requirement of a secured method: any one of <see cref="Alternatives"/> admits the request.
/// <see cref="SecurityRequirementHandler"/> evaluates it; <see cref="SecurityPolicies"/> builds the policies that hold it.
/// </summary>
public sealed class SecurityRequirement(IReadOnlyList<SecurityAlternative> alternatives) : IAuthorizationRequirement
{
    public IReadOnlyList<SecurityAlternative> Alternatives { get; } = alternatives;
}
