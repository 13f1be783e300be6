namespace StreamGen.Runtime;

using global::System;
using global::System.Net.Http.Headers;
using global::System.Security.Claims;
using global::System.Text;
using global::System.Text.Encodings.Web;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Authentication;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.Extensions.Logging;
using global::Microsoft.Extensions.Options;

/// <summary>
/// The ASP.NET Core authentication handler of a basic scheme (RFC 7617): decodes <c>Authorization: Basic</c> and asks
/// <see cref="ValidateCredentialsAsync"/>, the one method the application implements (in the stub streamgen creates once).
/// No Basic header is no result; a malformed one or credentials the application refuses fail. Its challenge is 401 with
/// <c>WWW-Authenticate: Basic realm="...", charset="UTF-8"</c>.
/// </summary>
public abstract class BasicAuthenticationHandlerBase(IOptionsMonitor<BasicAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<BasicAuthenticationOptions>(options, logger, encoder)
{
    /// <summary>The identity of <paramref name="username"/>, or null when the credentials are wrong. Scopes go in <c>scope</c> claims.</summary>
    protected abstract ValueTask<ClaimsIdentity?> ValidateCredentialsAsync(string username, string password, CancellationToken cancellationToken);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization.ToString(), out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (Credentials.ParseBasic(header.Parameter) is not { } credentials)
        {
            return AuthenticateResult.Fail("malformed Basic credentials");
        }

        var identity = await ValidateCredentialsAsync(credentials.Username, credentials.Password, Context.RequestAborted).ConfigureAwait(false);
        return identity is null
            ? AuthenticateResult.Fail("invalid username or password")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.Append("WWW-Authenticate", $"Basic realm=\"{Options.Realm}\", charset=\"UTF-8\"");
        return Task.CompletedTask;
    }
}
