namespace StreamGen.Runtime;

using global::System;
using global::Grpc.Core;

/// <summary>
/// Credentials as gRPC request metadata: headers under their own names (<c>authorization</c>, <c>x-api-key</c>), and an
/// API key the scheme sends in the query string under the query parameter's name, since gRPC has no query string.
/// </summary>
public static class GrpcCredentials
{
    public static void Add(Metadata metadata, CredentialValues credentials)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(credentials);
        foreach (var (name, value) in credentials.Headers)
        {
            metadata.Add(name.ToLowerInvariant(), value);
        }

        foreach (var (name, value) in credentials.Query)
        {
            metadata.Add(name.ToLowerInvariant(), value);
        }
    }

    /// <summary>New metadata holding only <paramref name="credentials"/>, or null when there are none.</summary>
    public static Metadata? Metadata(CredentialValues credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Headers.Count == 0 && credentials.Query.Count == 0)
        {
            return null;
        }

        var metadata = new Metadata();
        Add(metadata, credentials);
        return metadata;
    }
}
