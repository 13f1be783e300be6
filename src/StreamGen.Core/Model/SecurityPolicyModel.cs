namespace StreamGen.Model;

/// <summary>
/// One authorization policy: a distinct <c>security:</c> of the design, named from its alternatives' schemes and scopes
/// (<c>jwt(api:read,api:write)+api_key|basic</c>), registered once and named by every endpoint and RPC it protects.
/// </summary>
public sealed record SecurityPolicyModel
{
    public required string Name { get; init; }

    public required string NameLiteral { get; init; }

    public required IReadOnlyList<SecurityAlternativeModel> Alternatives { get; init; }
}

/// <summary>One alternative: C# collection literals of its scheme names and scopes.</summary>
public sealed record SecurityAlternativeModel(string SchemesLiteral, string ScopesLiteral);
