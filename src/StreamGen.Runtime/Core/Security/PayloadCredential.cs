namespace StreamGen.Runtime;

/// <summary>
/// A credential a call's payload carries for one scheme (an attribute marked <c>credential:</c>, Goa's TokenField,
/// APIKeyField, UsernameField/PasswordField): sent as that scheme's credential ahead of the client's
/// <see cref="ClientCredentials"/>. A null value (an attribute left unset) sends nothing, so the client's own applies.
/// </summary>
/// <param name="Scheme">The security scheme's name.</param>
/// <param name="Value">The bearer token (without <c>Bearer </c>), the API key, or the Basic username.</param>
/// <param name="Password">The Basic password.</param>
public sealed record PayloadCredential(string Scheme, string? Value, string? Password = null)
{
    /// <summary>The token of a jwt or oauth2 scheme.</summary>
    public static PayloadCredential Bearer(string scheme, string? token) => new(scheme, token);

    /// <summary>The key of an apiKey scheme.</summary>
    public static PayloadCredential ApiKey(string scheme, string? key) => new(scheme, key);

    /// <summary>The credentials of a basic scheme: both, or (either one null) none.</summary>
    public static PayloadCredential Basic(string scheme, string? username, string? password) =>
        new(scheme, username is null || password is null ? null : username, password);

    internal bool IsSet => Value is not null;
}
