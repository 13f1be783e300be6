namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;

/// <summary>
/// What a stream's handler token does when the server starts shutting down (SIGTERM, the host's StopAsync): a stream
/// that only sends (a server stream) is ended at once, as its client resumes elsewhere; a stream that receives (a client
/// or bidirectional stream: <c>publish</c>) is in flight, so its handler gets <c>ShutdownGracePeriod</c> to finish (the
/// client sends the rest and reads its result) before its token is canceled and the stream ends with 1001 /
/// <c>UNAVAILABLE</c>. Keep the grace period under the host's <c>HostOptions.ShutdownTimeout</c> (30 s by default),
/// past which Kestrel aborts every connection left.
/// </summary>
public static class ShutdownGrace
{
    /// <summary>Cancels <paramref name="aborted"/> when <paramref name="stopping"/> is, at once or after <paramref name="grace"/>.</summary>
    public static CancellationTokenRegistration Register(CancellationTokenSource aborted, CancellationToken stopping, bool receives, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(aborted);
        var delay = receives && grace > TimeSpan.Zero ? grace : TimeSpan.Zero;
        return stopping.UnsafeRegister(
            static (state, _) =>
            {
                var (source, wait) = ((CancellationTokenSource, TimeSpan))state!;
                try
                {
                    if (wait == TimeSpan.Zero)
                    {
                        source.Cancel();
                    }
                    else
                    {
                        source.CancelAfter(wait);
                    }
                }
                catch (ObjectDisposedException)
                {
                    // The stream ended before the server stopped.
                }
            },
            (aborted, delay));
    }
}
