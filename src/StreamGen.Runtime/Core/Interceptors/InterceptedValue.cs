namespace StreamGen.Runtime;

using global::System;

/// <summary>
/// The payload, result or message an interception chain carries: the generated views read and replace it (records are
/// immutable, so a write stores a copy with the attribute changed), and the call goes on with what the chain left.
/// </summary>
public sealed class InterceptedValue<T> : IInterceptedPart
{
    private T _value = default!;

    /// <summary>An empty value: a result before the call returned, a message before it was received.</summary>
    public InterceptedValue()
    {
    }

    /// <summary>A value known from the start: a payload, a message to send.</summary>
    public InterceptedValue(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>Whether the value is known yet.</summary>
    public bool HasValue { get; private set; }

    /// <summary>The value; reading it before it is known is a mistake in the interceptor (a result before <c>next</c> returned).</summary>
    /// <exception cref="InvalidOperationException">Not known yet.</exception>
    public T Value
    {
        get => HasValue ? _value : throw new InvalidOperationException($"The {typeof(T).Name} is not known yet: a result or a received message is there only after next returned.");
        set
        {
            _value = value;
            HasValue = true;
        }
    }
}
