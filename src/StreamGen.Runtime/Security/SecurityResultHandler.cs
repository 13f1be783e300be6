namespace StreamGen.Runtime;

using global::System;
using global::System.Linq;
using global::System.Text.Json;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Authentication;
using global::Microsoft.AspNetCore.Authorization;
using global::Microsoft.AspNetCore.Authorization.Policy;
using global::Microsoft.AspNetCore.Http;

/// <summary>
/// Answers a request a security policy refused, before any WebSocket upgrade, SSE byte or gRPC message: HTTP 401 with each
/// scheme's <c>WWW-Authenticate</c> challenge (no valid credentials) or 403 (a scope is missing), with Goa's JSON error body
/// (<c>unauthorized</c> / <c>forbidden</c>); over gRPC, status UNAUTHENTICATED or PERMISSION_DENIED as a trailers-only response.
/// Other policies' results go to ASP.NET Core's default handler.
/// </summary>
public sealed class SecurityResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        ArgumentNullException.ThrowIfNull(policy);
        var requirement = policy.Requirements.OfType<SecurityRequirement>().FirstOrDefault();
        if (authorizeResult.Succeeded || requirement is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        // ASP.NET Core's policy evaluator drops the failure when no scheme authenticated (a plain challenge), and forbids
        // when one did even if the requirement wants another too: the requirement's own reason decides 401 or 403.
        var failure = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<SecurityFailure>().FirstOrDefault();
        var isForbidden = failure?.IsForbidden == true;
        var message = failure?.Message ?? "missing or invalid credentials";
        var schemes = failure?.Schemes ?? (requirement.Alternatives.Count > 0 ? requirement.Alternatives[0].Schemes : []);
        var name = isForbidden ? "forbidden" : "unauthorized";
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = isForbidden ? "7" : "16";
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            // The design error name, as GrpcErrors sends it, so a generated client reports unauthorized/forbidden as it opens.
            context.Response.Headers["goa-error"] = name;
            return;
        }

        foreach (var scheme in schemes)
        {
            if (isForbidden)
            {
                await context.ForbidAsync(scheme).ConfigureAwait(false);
            }
            else
            {
                await context.ChallengeAsync(scheme).ConfigureAwait(false);
            }
        }

        context.Response.StatusCode = isForbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        context.Response.Headers["goa-error"] = name;
        context.Response.ContentType = "application/json";
        var error = new ServiceError(name, message);
        await JsonSerializer.SerializeAsync(context.Response.Body, error.ToResult(), ErrorResultJsonContext.Default.ErrorResult, context.RequestAborted).ConfigureAwait(false);
    }
}
