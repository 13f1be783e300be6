namespace StreamGen.Model;

/// <summary>
/// A credential a client takes from its payload: <c>Runtime::PayloadCredential.{Factory}({SchemeLiteral}, payload.{P}…)</c>,
/// the properties in the factory's order (a Basic scheme's username, then its password).
/// </summary>
public sealed record PayloadCredentialSendModel
{
    /// <summary>The <c>Runtime::PayloadCredential</c> factory: <c>Bearer</c>, <c>ApiKey</c> or <c>Basic</c>.</summary>
    public required string Factory { get; init; }

    /// <summary>The scheme's name as a C# literal.</summary>
    public required string SchemeLiteral { get; init; }

    /// <summary>The payload properties that carry the credential's value(s).</summary>
    public required IReadOnlyList<string> PropertyNames { get; init; }
}
