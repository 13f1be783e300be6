namespace StreamGen.Runtime;

using global::System.Collections.Generic;

/// <summary>The headers (HTTP headers, gRPC metadata) and query parameters that carry a call's credentials.</summary>
public sealed record CredentialValues(IReadOnlyList<KeyValuePair<string, string>> Headers, IReadOnlyList<KeyValuePair<string, string>> Query)
{
    /// <summary>No credentials.</summary>
    public static CredentialValues None { get; } = new([], []);
}
