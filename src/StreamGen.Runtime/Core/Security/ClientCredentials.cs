namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Text;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The credentials a generated client sends, on every transport, to the methods whose security needs them: a bearer token
/// for jwt and oauth2 schemes (asked of <see cref="AccessToken"/> before each call, so it may refresh), an API key, Basic
/// credentials. Only the schemes a method requires are sent; a scheme the client has no credential for is left out and
/// the server answers 401 (gRPC UNAUTHENTICATED).
/// </summary>
public sealed class ClientCredentials
{
    /// <summary>Returns the bearer token (without <c>Bearer </c>) of jwt and oauth2 schemes, or null for none; called before each call.</summary>
    public Func<CancellationToken, ValueTask<string?>>? AccessToken { get; init; }

    /// <summary>The API key of every apiKey scheme that has none in <see cref="ApiKeys"/>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>API keys by scheme name, for a client of several apiKey schemes.</summary>
    public IReadOnlyDictionary<string, string>? ApiKeys { get; init; }

    /// <summary>Basic credentials (RFC 7617): both or neither.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>A fixed bearer token.</summary>
    public static ClientCredentials Bearer(string token) => new() { AccessToken = _ => ValueTask.FromResult<string?>(token) };

    /// <summary>An API key for every apiKey scheme.</summary>
    public static ClientCredentials Key(string apiKey) => new() { ApiKey = apiKey };

    /// <summary>Basic credentials.</summary>
    public static ClientCredentials Basic(string username, string password) => new() { Username = username, Password = password };

    /// <summary>What a generated client sends for one call: <paramref name="credentials"/> resolved for the method's schemes, or nothing.</summary>
    public static ValueTask<CredentialValues> ForCallAsync(ClientCredentials? credentials, IReadOnlyList<CredentialScheme> schemes, CancellationToken cancellationToken) =>
        credentials is null ? ValueTask.FromResult(CredentialValues.None) : credentials.ResolveAsync(schemes, cancellationToken);

    /// <summary>
    /// What a generated client sends for a call whose payload carries credentials: each <paramref name="fromPayload"/> that is
    /// set, for its scheme, then <paramref name="credentials"/> for the schemes still without one (so the payload's own
    /// token wins <c>Authorization</c>).
    /// </summary>
    public static ValueTask<CredentialValues> ForCallAsync(
        ClientCredentials? credentials, IReadOnlyList<CredentialScheme> schemes, IReadOnlyList<PayloadCredential> fromPayload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromPayload);
        var set = new Dictionary<string, PayloadCredential>(StringComparer.Ordinal);
        foreach (var credential in fromPayload)
        {
            if (credential.IsSet)
            {
                set[credential.Scheme] = credential;
            }
        }

        return set.Count == 0 ? ForCallAsync(credentials, schemes, cancellationToken) : (credentials ?? Empty).ResolveAsync(schemes, set, cancellationToken);
    }

    /// <summary>
    /// The headers and query parameters that carry these credentials for <paramref name="schemes"/> (every scheme of the
    /// method's alternatives). <c>Authorization</c> is sent once: the first bearer or Basic scheme that has a credential wins.
    /// </summary>
    public ValueTask<CredentialValues> ResolveAsync(IReadOnlyList<CredentialScheme> schemes, CancellationToken cancellationToken) =>
        ResolveAsync(schemes, null, cancellationToken);

    private async ValueTask<CredentialValues> ResolveAsync(
        IReadOnlyList<CredentialScheme> schemes, Dictionary<string, PayloadCredential>? fromPayload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        var headers = new List<KeyValuePair<string, string>>();
        var query = new List<KeyValuePair<string, string>>();
        string? authorization = null;
        string? token = null;
        var tokenAsked = false;

        // The payload's credentials first: its token or Basic credentials take Authorization ahead of the client's.
        foreach (var scheme in schemes)
        {
            if (fromPayload is null || !fromPayload.TryGetValue(scheme.Name, out var own))
            {
                continue;
            }

            switch (scheme.Kind)
            {
                case SecuritySchemeKind.ApiKey:
                    AddKey(scheme, own.Value!, headers, query);
                    break;
                case SecuritySchemeKind.Basic when authorization is null:
                    authorization = BasicValue(own.Value!, own.Password!);
                    break;
                case SecuritySchemeKind.Jwt or SecuritySchemeKind.OAuth2 when authorization is null:
                    authorization = "Bearer " + own.Value;
                    break;
            }
        }

        foreach (var scheme in schemes)
        {
            if (fromPayload?.ContainsKey(scheme.Name) == true)
            {
                continue;
            }

            switch (scheme.Kind)
            {
                case SecuritySchemeKind.ApiKey when KeyFor(scheme) is { } key:
                    AddKey(scheme, key, headers, query);
                    break;
                case SecuritySchemeKind.Basic when authorization is null && Username is not null && Password is not null:
                    authorization = BasicValue(Username, Password);
                    break;
                case SecuritySchemeKind.Jwt or SecuritySchemeKind.OAuth2 when authorization is null && AccessToken is not null:
                    if (!tokenAsked)
                    {
                        token = await AccessToken(cancellationToken).ConfigureAwait(false);
                        tokenAsked = true;
                    }

                    authorization = token is null ? null : "Bearer " + token;
                    break;
            }
        }

        if (authorization is not null)
        {
            headers.Add(new("Authorization", authorization));
        }

        return new CredentialValues(headers, query);
    }

    private static readonly ClientCredentials Empty = new();

    private static void AddKey(CredentialScheme scheme, string key, List<KeyValuePair<string, string>> headers, List<KeyValuePair<string, string>> query)
    {
        if (scheme.HeaderName is { } header)
        {
            headers.Add(new(header, key));
        }
        else if (scheme.QueryName is { } name)
        {
            query.Add(new(name, key));
        }
    }

    private static string BasicValue(string username, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));

    private string? KeyFor(CredentialScheme scheme) =>
        ApiKeys is not null && ApiKeys.TryGetValue(scheme.Name, out var key) ? key : ApiKey;
}
