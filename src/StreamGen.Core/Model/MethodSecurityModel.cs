namespace StreamGen.Model;

/// <summary>How a method is secured: the policy its endpoint and RPC require, and the schemes a client sends credentials for.</summary>
public sealed record MethodSecurityModel
{
    public required SecurityPolicyModel Policy { get; init; }

    /// <summary>The security class's members for every scheme of the method (<c>LoggerSecurity.ApiKey</c>), which a client sends credentials for.</summary>
    public required IReadOnlyList<string> ClientSchemes { get; init; }

    public string PolicyLiteral => Policy.NameLiteral;

    /// <summary>The payload attributes that carry credentials, in payload order.</summary>
    public IReadOnlyList<PayloadCredentialModel> Credentials { get; init; } = [];

    /// <summary>What a client sends from the payload, ahead of its <c>ClientCredentials</c>: one per scheme part (a Basic username and password make one).</summary>
    public IReadOnlyList<PayloadCredentialSendModel> CredentialSends { get; init; } = [];

    public bool HasCredentials => Credentials.Count > 0;
}
