// Created by streamgen once; yours to edit: streamgen never overwrites it (gen/ holds what it regenerates).
// Template: scaffold/authentication_handler.cs.sbn (override it with --templates DIR).
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using Runtime = StreamGen.Runtime;

namespace Acme.Secured;

/// <summary>
/// Authenticates the basic scheme: the Basic credentials a request sends. Return the identity of the
/// user (with a <c>scope</c> claim per scope it grants), or null to refuse them (401). Take what you need as constructor
/// parameters: the handler is created per request from the application's services.
/// </summary>
public sealed class BasicAuthenticationHandler(IOptionsMonitor<Runtime::BasicAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : Runtime::BasicAuthenticationHandlerBase(options, logger, encoder)
{
    protected override ValueTask<ClaimsIdentity?> ValidateCredentialsAsync(string username, string password, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ClaimsIdentity?>(null); // Refuses everyone until you decide who may call.
}
