// Created by streamgen once, then written by hand: the logger example's client interceptors.
// streamgen never overwrites this file (gen/ holds what it regenerates).
using Acme.Logger.Runtime;

namespace Acme.Logger;

/// <summary>
/// The client interceptors of the logger service: wrap any client (<c>new InterceptedLoggerClient(new
/// LoggerHttpClient(...), new LoggerClientInterceptors())</c>, or a <see cref="LoggerGrpcClient"/>) to run them.
/// </summary>
public sealed class LoggerClientInterceptors : ILoggerClientInterceptors
{
    /// <summary>Gives the call a request id, a new GUID (32 hex digits), unless the caller set one; it travels in X-Request-Id (over gRPC in the request or its metadata).</summary>
    public Task RequestIdAsync(RequestIdInfo info, InterceptorNext next, CancellationToken cancellationToken)
    {
        if (info.Payload is { RequestId: null } payload)
        {
            payload.RequestId = Guid.NewGuid().ToString("N");
        }

        return next(cancellationToken);
    }
}
