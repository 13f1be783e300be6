namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>Runs interception chains: the interceptors in the order the design lists them, outermost first, then the call.</summary>
public static class Interception
{
    /// <summary>
    /// Calls <paramref name="steps"/>[0] with a <c>next</c> that calls <paramref name="steps"/>[1], and so on; the last
    /// step's <c>next</c> is <paramref name="call"/>. With no step, it is the call alone. Exceptions travel back through
    /// the interceptors, which may catch them.
    /// </summary>
    public static Task RunAsync(IReadOnlyList<InterceptorStep> steps, InterceptorNext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(call);
        return Next(steps, 0, call)(cancellationToken);
    }

    private static InterceptorNext Next(IReadOnlyList<InterceptorStep> steps, int index, InterceptorNext call) =>
        index == steps.Count ? call : cancellationToken => steps[index](Next(steps, index + 1, call), cancellationToken);
}
