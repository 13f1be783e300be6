namespace StreamGen.Runtime;

/// <summary>A received message, or the end of the stream (<see cref="HasValue"/> false).</summary>
public readonly record struct Received<T>(bool HasValue, T Value);
