using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamGen.Runtime;

// The handlers streamgen creates once for the secured design's apiKey and basic schemes, as a user would write them.
namespace Acme.Secured;

/// <summary>api_key: "good-key" is the user "keyholder".</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : ApiKeyAuthenticationHandlerBase(options, logger, encoder)
{
    protected override ValueTask<ClaimsIdentity?> ValidateKeyAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(key == SecuredCredentials.ApiKey ? new ClaimsIdentity([new Claim(ClaimTypes.Name, "keyholder")], Scheme.Name) : null);
}

/// <summary>key_query: "query-key" is the user "querier".</summary>
public sealed class KeyQueryAuthenticationHandler(IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : ApiKeyAuthenticationHandlerBase(options, logger, encoder)
{
    protected override ValueTask<ClaimsIdentity?> ValidateKeyAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(key == SecuredCredentials.QueryKey ? new ClaimsIdentity([new Claim(ClaimTypes.Name, "querier")], Scheme.Name) : null);
}

/// <summary>basic: "ada"/"secret" holds api:read; "guest"/"guest" holds no scope.</summary>
public sealed class BasicAuthenticationHandler(IOptionsMonitor<BasicAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : BasicAuthenticationHandlerBase(options, logger, encoder)
{
    protected override ValueTask<ClaimsIdentity?> ValidateCredentialsAsync(string username, string password, CancellationToken cancellationToken) =>
        ValueTask.FromResult((username, password) switch
        {
            ("ada", "secret") => new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada"), new Claim("scope", "api:read")], Scheme.Name),
            ("guest", "guest") => new ClaimsIdentity([new Claim(ClaimTypes.Name, "guest")], Scheme.Name),
            _ => null,
        });
}

/// <summary>The credentials the tests' handlers accept, and the JWT signing key.</summary>
public static class SecuredCredentials
{
    public const string ApiKey = "good-key";
    public const string QueryKey = "query-key";
}
