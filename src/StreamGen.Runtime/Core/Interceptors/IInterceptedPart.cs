namespace StreamGen.Runtime;

/// <summary>Whether a part of an intercepted call (<see cref="InterceptedValue{T}"/>) is known yet.</summary>
public interface IInterceptedPart
{
    /// <summary>Whether the value is known.</summary>
    bool HasValue { get; }
}
