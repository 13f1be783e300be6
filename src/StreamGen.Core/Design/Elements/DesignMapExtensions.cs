namespace StreamGen.Design;

/// <summary>Design maps are null when absent; these read them as empty.</summary>
public static class DesignMapExtensions
{
    public static IEnumerable<string> KeysOrEmpty<T>(this OrderedDictionary<string, T>? map) => map?.Keys ?? Enumerable.Empty<string>();

    public static IEnumerable<T> ValuesOrEmpty<T>(this OrderedDictionary<string, T>? map) => map?.Values ?? Enumerable.Empty<T>();

    /// <summary>The map's entries in its order, as classes (see <see cref="MapEntry{T}"/>): what LINQ over a design map reads.</summary>
    public static IEnumerable<MapEntry<T>> Entries<T>(this OrderedDictionary<string, T>? map)
    {
        foreach (var (key, value) in map ?? [])
        {
            yield return new MapEntry<T>(key, value);
        }
    }

    /// <summary>
    /// Each key of <paramref name="map"/>, in its order, to <paramref name="select"/> of the key and its value (called in
    /// that order). A loop, not Enumerable.ToDictionary: LINQ over the map's KeyValuePairs is generic code over a struct,
    /// which ReadyToRun cannot precompile, so the JIT compiled it at every start.
    /// </summary>
    public static Dictionary<string, TResult> ToDictionary<T, TResult>(this OrderedDictionary<string, T> map, Func<string, T, TResult> select)
    {
        var result = new Dictionary<string, TResult>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            result.Add(key, select(key, value));
        }

        return result;
    }
}
