// Created by streamgen once; yours to edit: streamgen never overwrites it (gen/ holds what it regenerates).
// Template: scaffold/interceptors.cs.sbn (override it with --templates DIR).
using Acme.Logger.Runtime;

namespace Acme.Logger;

/// <summary>The server interceptors of the logger service. Each one here passes the call on unchanged: write what it should do around next.</summary>
public sealed class LoggerServerInterceptors : ILoggerServerInterceptors
{
    /// <summary>Server side: stamps every result of a watch stream with the trace id of its call (the current Activity's, else one made up for the call)</summary>
    public Task TraceAsync(TraceInfo info, InterceptorNext next, CancellationToken cancellationToken) => next(cancellationToken);
}
