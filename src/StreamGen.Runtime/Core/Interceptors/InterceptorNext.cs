namespace StreamGen.Runtime;

using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The rest of an interception chain: the next interceptor, or, after the last, the call itself (the service method, the
/// transport's call, or one message's send or receive). An interceptor that does not call it ends the call there.
/// </summary>
public delegate Task InterceptorNext(CancellationToken cancellationToken);
