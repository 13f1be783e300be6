// Created by streamgen once, then written by hand: the logger example's server interceptors.
// streamgen never overwrites this file (gen/ holds what it regenerates).
using System.Diagnostics;
using Acme.Logger.Runtime;

namespace Acme.Logger;

/// <summary>The server interceptors of the logger service.</summary>
public sealed class LoggerServerInterceptors : ILoggerServerInterceptors
{
    /// <summary>
    /// Stamps every result of a watch stream, as it goes out, with the W3C trace id of its call: around the call, the
    /// current <see cref="Activity"/> (ASP.NET Core's request activity when tracing is on, else one started here for
    /// the call); per result, that activity's trace id. The handler's sends run inside the call, so they see it.
    /// </summary>
    public async Task TraceAsync(TraceInfo info, InterceptorNext next, CancellationToken cancellationToken)
    {
        if (info.CallType == InterceptorCallType.Unary)
        {
            using var activity = Activity.Current is null ? new Activity($"{info.Service}.{info.Method}").Start() : null;
            await next(cancellationToken);
            return;
        }

        if (info.StreamingResult is { } result)
        {
            result.TraceId = Activity.Current?.TraceId.ToHexString();
        }

        await next(cancellationToken);
    }
}
