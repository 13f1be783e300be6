namespace StreamGen.Runtime;

using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>One interceptor bound to its call: the generated code builds its info and calls the user's method with <paramref name="next"/>.</summary>
public delegate Task InterceptorStep(InterceptorNext next, CancellationToken cancellationToken);
