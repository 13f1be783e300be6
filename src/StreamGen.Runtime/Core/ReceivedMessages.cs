namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Runtime.CompilerServices;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The receiving half of any stream in the forms the stream interfaces offer: RecvAsync's nullable message and
/// ReadAllAsync's <see cref="IAsyncEnumerable{T}"/>, over a receive that reports the end of the stream as a
/// <see cref="Received{T}"/> without a value.
/// </summary>
public static class ReceivedMessages
{
    /// <summary>The message, or null at the end of the stream; completes in place when the message was already buffered.</summary>
    public static ValueTask<T?> OrNull<T>(ValueTask<Received<T>> pending)
        where T : class
    {
        if (pending.IsCompletedSuccessfully)
        {
            var received = pending.Result;
            return new(received.HasValue ? received.Value : null);
        }

        return Awaited(pending);

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        static async ValueTask<T?> Awaited(ValueTask<Received<T>> pending)
        {
            var received = await pending.ConfigureAwait(false);
            return received.HasValue ? received.Value : null;
        }
    }

    /// <summary>As <see cref="OrNull{T}"/>, for a message of a value type.</summary>
    public static ValueTask<T?> OrNullValue<T>(ValueTask<Received<T>> pending)
        where T : struct
    {
        if (pending.IsCompletedSuccessfully)
        {
            var received = pending.Result;
            return new(received.HasValue ? received.Value : null);
        }

        return Awaited(pending);

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        static async ValueTask<T?> Awaited(ValueTask<Received<T>> pending)
        {
            var received = await pending.ConfigureAwait(false);
            return received.HasValue ? received.Value : null;
        }
    }

    /// <summary>Every message <paramref name="receiver"/> receives until the end of the stream.</summary>
    public static IAsyncEnumerable<T> ReadAllAsync<T>(IMessageReceiver<T> receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return ReadAllAsync(receiver.ReceiveAsync, cancellationToken);
    }

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
