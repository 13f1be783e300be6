namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Runtime.CompilerServices;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>The receiving half of any stream as an <see cref="IAsyncEnumerable{T}"/>, for every transport's ReadAllAsync.</summary>
public static class ReceivedMessages
{
    /// <summary>
    /// Calls <paramref name="receive"/> until it reports the end of the stream, yielding each message. Errors the receive
    /// raises (a rejected message, a dropped connection, a canceled token) end the enumeration with that exception.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        Func<CancellationToken, ValueTask<Received<T>>> receive,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receive);
        while (true)
        {
            var received = await receive(cancellationToken).ConfigureAwait(false);
            if (!received.HasValue)
            {
                yield break;
            }

            yield return received.Value;
        }
    }
}
