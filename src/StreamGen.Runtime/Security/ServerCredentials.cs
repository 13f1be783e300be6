namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Linq;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// Reads the credential a request authenticated with, for the payload attributes that carry one (Goa's TokenField,
/// AccessTokenField, APIKeyField, UsernameField, PasswordField): a bearer token without <c>Bearer </c>, an API key from its
/// header or query parameter, the username or password of Basic credentials. A scheme's credential is read only when the
/// scheme authenticated the alternative that admitted the request (<see cref="SecurityRequirementHandler"/> records it),
/// so a credential the request carried for an alternative that failed never reaches the handler; otherwise null.
/// </summary>
public static class ServerCredentials
{
    /// <summary>The <see cref="HttpContext.Items"/> key of the schemes that authenticated the admitted alternative.</summary>
    public const string AdmittedSchemesItem = "StreamGen.AdmittedSchemes";

    /// <summary>The token of a jwt or oauth2 scheme (<c>Authorization: Bearer &lt;token&gt;</c>, where the browser fallbacks also land).</summary>
    public static string? Bearer(HttpContext context, string scheme) =>
        Admitted(context, scheme) ? Credentials.Bearer(context.Request.Headers.Authorization.ToString()) : null;

    /// <summary>The key of an apiKey scheme, from <paramref name="header"/>, else <paramref name="query"/> (as the scheme's handler reads it).</summary>
    public static string? ApiKey(HttpContext context, string scheme, string? header, string? query)
    {
        if (!Admitted(context, scheme))
        {
            return null;
        }

        var request = context.Request;
        return header is not null && request.Headers[header].ToString() is { Length: > 0 } fromHeader ? fromHeader
            : query is null ? null
            : request.Query[query].ToString() is { Length: > 0 } fromQuery ? fromQuery
            : request.Headers[query].ToString() is { Length: > 0 } fromMetadata ? fromMetadata
            : null;
    }

    /// <summary>The username of a basic scheme's credentials.</summary>
    public static string? Username(HttpContext context, string scheme) => Basic(context, scheme)?.Username;

    /// <summary>The password of a basic scheme's credentials.</summary>
    public static string? Password(HttpContext context, string scheme) => Basic(context, scheme)?.Password;

    private static (string Username, string Password)? Basic(HttpContext context, string scheme) =>
        Admitted(context, scheme) ? Credentials.Basic(context.Request.Headers.Authorization.ToString()) : null;

    private static bool Admitted(HttpContext context, string scheme)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(AdmittedSchemesItem, out var schemes) && schemes is IReadOnlyList<string> list && list.Contains(scheme);
    }
}
