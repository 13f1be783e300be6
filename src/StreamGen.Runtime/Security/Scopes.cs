namespace StreamGen.Runtime;

using global::System;
using global::System.Security.Claims;

/// <summary>The scopes a principal holds: its <c>scope</c> and <c>scp</c> claims, each one scope or several separated by spaces (RFC 8693, Azure AD).</summary>
public static class Scopes
{
    public static bool Has(ClaimsPrincipal principal, string scope)
    {
        ArgumentNullException.ThrowIfNull(principal);
        foreach (var claim in principal.Claims)
        {
            if (claim.Type is "scope" or "scp" or "http://schemas.microsoft.com/identity/claims/scope"
                && Array.IndexOf(claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), scope) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
