namespace StreamGen.Model;

/// <summary>
/// A payload attribute that carries a security scheme's credential (Goa's TokenField, AccessTokenField, APIKeyField,
/// UsernameField, PasswordField): the server fills it from the credential that authenticated the request, a client sends
/// it as that credential, and it travels in no body, query parameter, header mapping or protobuf field of its own.
/// </summary>
public sealed record PayloadCredentialModel
{
    public required PropertyModel Property { get; init; }

    public required string SchemeName { get; init; }

    /// <summary>What of the scheme's credential it carries: <c>token</c> (jwt, oauth2), <c>apiKey</c>, <c>username</c> or <c>password</c> (basic).</summary>
    public required string Part { get; init; }

    /// <summary>
    /// The <c>Runtime::ServerCredentials</c> method the server reads the value with, given the request's HttpContext:
    /// <c>Bearer</c>, <c>ApiKey</c>, <c>Username</c> or <c>Password</c>.
    /// </summary>
    public required string ReadMethod { get; init; }

    /// <summary>
    /// The read's arguments after the HttpContext, as C# literals: the scheme's name, and for an API key the header and
    /// the query parameter it is read from (<c>null</c> for a place it is not in).
    /// </summary>
    public required IReadOnlyList<string> ReadArguments { get; init; }

    /// <summary>The server's local for the value.</summary>
    public required string LocalName { get; init; }

    public bool IsRequired => Property.IsRequired;
}
