namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The idle timeout of one stream (<c>StreamGen:Http:IdleTimeout</c>, <c>StreamGen:Grpc:IdleTimeout</c>): a stream on
/// which no application message moved in either direction for the timeout is ended by the server. Pings, pongs and SSE
/// heartbeats do not count (they prove the peer is alive, not that the stream is in use); each transport ends the stream
/// its way (WebSocket 1001 <c>idle_timeout</c>, gRPC <c>DEADLINE_EXCEEDED</c>, SSE an <c>idle_timeout</c> error event).
/// </summary>
public sealed class IdleWatch
{
    private long _lastMessage = Environment.TickCount64;

    /// <summary>The error a stream ends with when idle: Goa's timeout flag set, as for any deadline.</summary>
    public static ServiceError Error(TimeSpan timeout) =>
        new("idle_timeout", $"no message in either direction for {timeout.TotalSeconds:0.###} s", timeout: true);

    /// <summary>Notes that an application message was sent or received now.</summary>
    public void Touch() => Volatile.Write(ref _lastMessage, Environment.TickCount64);

    /// <summary>
    /// Calls <paramref name="onIdle"/> once when nothing was touched for <paramref name="timeout"/>; returns at once for a
    /// zero timeout (off), and ends quietly when <paramref name="cancellationToken"/> is canceled (the stream ended).
    /// </summary>
    public async Task RunAsync(TimeSpan timeout, Action onIdle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onIdle);
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        Touch();
        var period = timeout / 4 < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : timeout / 4;
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (Environment.TickCount64 - Volatile.Read(ref _lastMessage) >= (long)timeout.TotalMilliseconds)
                {
                    onIdle();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended first.
        }
    }
}
