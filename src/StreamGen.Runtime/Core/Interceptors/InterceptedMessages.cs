namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Threading;
using global::System.Threading.Tasks;

/// <summary>
/// The per-message half of interception, shared by both ends: a send runs the chain around the transport's send with
/// the message known up front; a receive runs it around the transport's receive, the message known after <c>next</c>.
/// </summary>
public static class InterceptedMessages
{
    /// <summary>Sends <paramref name="message"/> through the chain <paramref name="steps"/> builds for it (none: straight through).</summary>
    public static async ValueTask SendAsync<T>(
        IStreamSender<T> sender, T message, Func<InterceptedValue<T>, IReadOnlyList<InterceptorStep>>? steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (steps is null)
        {
            await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var value = new InterceptedValue<T>(message);
        await Interception.RunAsync(steps(value), next => sender.SendAsync(value.Value, next).AsTask(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Receives one message through the chain <paramref name="steps"/> builds; the end of the stream passes through it too
    /// (the views are null then). What the chain leaves is what the handler or caller gets: an interceptor that does
    /// not call <c>next</c> and sets no message ends the stream for it.
    /// </summary>
    public static async ValueTask<Received<T>> ReceiveAsync<T>(
        IMessageReceiver<T> receiver, Func<InterceptedValue<T>, IReadOnlyList<InterceptorStep>>? steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (steps is null)
        {
            return await receiver.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }

        var value = new InterceptedValue<T>();
        await Interception.RunAsync(
            steps(value),
            async next =>
            {
                var received = await receiver.ReceiveAsync(next).ConfigureAwait(false);
                if (received.HasValue)
                {
                    value.Value = received.Value;
                }
            },
            cancellationToken).ConfigureAwait(false);
        return value.HasValue ? new(true, value.Value) : default;
    }
}
