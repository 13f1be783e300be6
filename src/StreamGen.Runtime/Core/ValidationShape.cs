namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.Linq;

/// <summary>What <see cref="Validation"/> needs to know about a type once, not per value: whether its map values have rules.</summary>
public static class ValidationShape<T>
{
    /// <summary>The type is an <see cref="IReadOnlyDictionary{TKey, TValue}"/> whose values are <see cref="IValidatable"/> records.</summary>
    public static bool HasValidatableValues { get; } = typeof(T).GetInterfaces().Append(typeof(T)).Any(type =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && typeof(IValidatable).IsAssignableFrom(type.GetGenericArguments()[1]));
}
