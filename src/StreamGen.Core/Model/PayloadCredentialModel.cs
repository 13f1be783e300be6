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

    /// <summary>The server's expression for the value over HTTP, the endpoint's <c>HttpContext context</c> at hand (<c>Runtime::ServerCredentials.Bearer(context, "jwt")</c>).</summary>
    public required string HttpRead { get; init; }

    /// <summary>The same over gRPC, the method's <c>ServerCallContext context</c> at hand.</summary>
    public required string GrpcRead { get; init; }

    /// <summary>The server's local for the value.</summary>
    public required string LocalName { get; init; }

    public bool IsRequired => Property.IsRequired;
}
