namespace StreamGen.Runtime;

using global::System.Collections.Generic;
using global::Microsoft.AspNetCore.Authorization;

/// <summary>
/// Why <see cref="SecurityRequirementHandler"/> refused a request: no alternative authenticated (401, challenging
/// <see cref="Schemes"/>), or one did but lacks a scope (403).
/// </summary>
public sealed class SecurityFailure(IAuthorizationHandler handler, string message, bool isForbidden, IReadOnlyList<string> schemes)
    : AuthorizationFailureReason(handler, message)
{
    public bool IsForbidden { get; } = isForbidden;

    /// <summary>The schemes to challenge (those of the first alternative) or forbid (those that authenticated).</summary>
    public IReadOnlyList<string> Schemes { get; } = schemes;
}
