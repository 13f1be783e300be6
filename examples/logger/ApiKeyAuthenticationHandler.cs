// Created by streamgen once, then edited: the api_key scheme accepts the keys of LoggerApiKeys (configuration Logger:ApiKeys).
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using Runtime = Acme.Logger.Runtime;

namespace Acme.Logger;

/// <summary>
/// Authenticates the api_key scheme (the <c>X-API-Key</c> header, or the <c>api_key</c> query parameter for browsers):
/// a key is valid when <see cref="LoggerApiKeys"/> holds it.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<Runtime::ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, LoggerApiKeys keys)
    : Runtime::ApiKeyAuthenticationHandlerBase(options, logger, encoder)
{
    protected override ValueTask<ClaimsIdentity?> ValidateKeyAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(keys.IsValid(key) ? new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], Scheme.Name) : null);
}
