// Created by streamgen once; yours to edit: streamgen never overwrites it (gen/ holds what it regenerates).
// Template: scaffold/authentication_handler.cs.sbn (override it with --templates DIR).
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using Runtime = StreamGen.Runtime;

namespace Acme.Secured;

/// <summary>
/// Authenticates the api_key scheme: the API key a request sends. Return the identity the key belongs to
/// (with a <c>scope</c> claim per scope it grants), or null to refuse it (401). Take what you need (configuration, a key
/// store) as constructor parameters: the handler is created per request from the application's services.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<Runtime::ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : Runtime::ApiKeyAuthenticationHandlerBase(options, logger, encoder)
{
    protected override ValueTask<ClaimsIdentity?> ValidateKeyAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ClaimsIdentity?>(null); // Refuses every key until you decide which are valid.
}
