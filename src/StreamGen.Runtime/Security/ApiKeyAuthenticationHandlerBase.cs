namespace StreamGen.Runtime;

using global::System.Security.Claims;
using global::System.Text.Encodings.Web;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Authentication;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.Extensions.Logging;
using global::Microsoft.Extensions.Options;

/// <summary>
/// The ASP.NET Core authentication handler of an apiKey scheme: reads the key from the header or query parameter the
/// design names and asks <see cref="ValidateKeyAsync"/>, the one method the application implements (in the stub streamgen
/// creates once), who it belongs to. No key is no result (another scheme may still admit the request); a key the
/// application does not know fails. Its challenge is 401 with <c>WWW-Authenticate: ApiKey</c> naming where the key goes.
/// </summary>
public abstract class ApiKeyAuthenticationHandlerBase(IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    /// <summary>
    /// The identity <paramref name="key"/> belongs to, or null when it is not a valid key. Scopes the identity holds go in
    /// <c>scope</c> claims (one per scope, or one space-separated).
    /// </summary>
    protected abstract ValueTask<ClaimsIdentity?> ValidateKeyAsync(string key, CancellationToken cancellationToken);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // gRPC has no query string: a key the scheme sends in the query travels as metadata of that name (GrpcCredentials).
        var key = Options.HeaderName is { } header && Request.Headers[header].ToString() is { Length: > 0 } fromHeader ? fromHeader
            : Options.QueryName is not { } query ? ""
            : Request.Query[query].ToString() is { Length: > 0 } fromQuery ? fromQuery
            : Request.Headers[query].ToString();
        if (key.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await ValidateKeyAsync(key, Context.RequestAborted).ConfigureAwait(false);
        return identity is null
            ? AuthenticateResult.Fail("invalid API key")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        var where = Options.HeaderName is { } header ? $"header=\"{header}\"" : $"query=\"{Options.QueryName}\"";
        Response.Headers.Append("WWW-Authenticate", $"ApiKey realm=\"{Scheme.Name}\", {where}");
        return Task.CompletedTask;
    }
}
