using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StreamGen.E2E.Tests.Security;

/// <summary>
/// JWTs issued in the test (Microsoft.IdentityModel.JsonWebTokens, HS256) and validated by AddJwtBearer under the design's
/// scheme names: jwt (issuer "jwt-issuer") and oauth2 (issuer "oauth2-issuer", the access tokens of an authorization server).
/// </summary>
public static class Tokens
{
    private static readonly SymmetricSecurityKey Key = new(System.Text.Encoding.UTF8.GetBytes("streamgen-e2e-signing-key-of-32-bytes-or-more!"));
    private static readonly SymmetricSecurityKey OtherKey = new(System.Text.Encoding.UTF8.GetBytes("a-different-key-nobody-trusts-at-all-32-bytes!!"));

    public static string Jwt(string user, params string[] scopes) => Issue("jwt-issuer", user, scopes, Key);

    public static string OAuth2(string user, params string[] scopes) => Issue("oauth2-issuer", user, scopes, Key);

    /// <summary>Well formed, but signed with a key the server does not trust.</summary>
    public static string Forged(string issuer, string user, params string[] scopes) => Issue(issuer, user, scopes, OtherKey);

    public static void AddBearers(IServiceCollection services) =>
        services.AddAuthentication()
            .AddJwtBearer("jwt", options => Configure(options, "jwt-issuer"))
            .AddJwtBearer("oauth2", options => Configure(options, "oauth2-issuer"));

    private static void Configure(JwtBearerOptions options, string issuer)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateAudience = false,
            IssuerSigningKey = Key,
            NameClaimType = "sub",
        };
    }

    private static string Issue(string issuer, string user, string[] scopes, SecurityKey key) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Subject = new ClaimsIdentity([new Claim("sub", user), new Claim("scope", string.Join(' ', scopes))]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
}
