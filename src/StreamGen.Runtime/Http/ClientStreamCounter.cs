namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Concurrent;
using global::System.Net;
using global::System.Globalization;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Http;
using global::Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Open streams per client address, for <see cref="StreamGenWebSocketOptions.MaxStreamsPerClient"/>: one instance per
/// server (registered by <see cref="HttpServerSetup.AddOptions"/>); streams take a lease while they run. Behind a
/// reverse proxy every client has the proxy's address unless the forwarded headers middleware restores theirs.
/// </summary>
public sealed class ClientStreamCounter
{
    private readonly ConcurrentDictionary<IPAddress, StrongCount> _open = new();

    /// <summary>Streams open now, all addresses together (a diagnostic: back to zero when every client has gone).</summary>
    public int Open
    {
        get
        {
            var total = 0;
            foreach (var count in _open.Values)
            {
                total += Volatile.Read(ref count.Value);
            }

            return total;
        }
    }

    /// <summary>A lease on one more stream for <paramref name="address"/>, or null when it already has <paramref name="max"/> open (0: no limit).</summary>
    public IDisposable? TryAcquire(IPAddress? address, int max)
    {
        var key = address ?? IPAddress.None;
        var count = _open.GetOrAdd(key, static _ => new StrongCount());
        if (Interlocked.Increment(ref count.Value) > max && max > 0)
        {
            Interlocked.Decrement(ref count.Value);
            return null;
        }

        return new Lease(count);
    }

    /// <summary>
    /// Admits one stream of <paramref name="context"/>'s client address: its lease (null when the server has no counter),
    /// or, past <paramref name="max"/> open streams, a 429 response (<c>too_many_streams</c>) and false.
    /// </summary>
    public static async Task<(bool Admitted, IDisposable? Lease)> AdmitAsync(HttpContext context, int max)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestServices.GetService<ClientStreamCounter>() is not { } counter)
        {
            return (true, null);
        }

        if (counter.TryAcquire(context.Connection.RemoteIpAddress, max) is { } lease)
        {
            return (true, lease);
        }

        var error = new ServiceError("too_many_streams", string.Create(CultureInfo.InvariantCulture, $"this address already has {max} streams open"), temporary: true);
        await HttpErrors.WriteAsync(context, error, static _ => StatusCodes.Status429TooManyRequests).ConfigureAwait(false);
        return (false, null);
    }

    private sealed class StrongCount
    {
        public int Value;
    }

    private sealed class Lease(StrongCount count) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref count.Value);
            }
        }
    }
}
