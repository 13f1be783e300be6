namespace StreamGen.Model;

/// <summary>How a method is secured: the policy its endpoint and RPC require, and the schemes a client sends credentials for.</summary>
public sealed record MethodSecurityModel
{
    public required SecurityPolicyModel Policy { get; init; }

    /// <summary>C# collection expression of the security class's members for every scheme of the method (<c>[LoggerSecurity.ApiKey]</c>).</summary>
    public required string ClientSchemes { get; init; }

    public string PolicyLiteral => Policy.NameLiteral;

    /// <summary>The payload attributes that carry credentials, in payload order.</summary>
    public IReadOnlyList<PayloadCredentialModel> Credentials { get; init; } = [];

    /// <summary>
    /// C# collection expression of what a client sends from the payload, ahead of its <c>ClientCredentials</c>
    /// (<c>[Runtime::PayloadCredential.Bearer("jwt", payload.Token)]</c>), or null when no attribute carries a credential.
    /// </summary>
    public string? PayloadCredentials { get; init; }

    public bool HasCredentials => Credentials.Count > 0;
}
