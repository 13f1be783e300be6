// Created by streamgen once; yours to edit: streamgen never overwrites it (gen/ holds what it regenerates).
// Template: scaffold/interceptors.cs.sbn (override it with --templates DIR).
using Acme.Logger.Runtime;

namespace Acme.Logger;

/// <summary>The client interceptors of the logger service. Each one here passes the call on unchanged: write what it should do around next.</summary>
public sealed class LoggerClientInterceptors : ILoggerClientInterceptors
{
    /// <summary>Client side: gives every call that has a payload a request id (a new one unless the caller set it), sent in X-Request-Id (over gRPC in the request, or its metadata)</summary>
    public Task RequestIdAsync(RequestIdInfo info, InterceptorNext next, CancellationToken cancellationToken) => next(cancellationToken);
}
