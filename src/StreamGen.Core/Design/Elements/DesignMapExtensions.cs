namespace StreamGen.Design;

/// <summary>Design maps are null when absent; these read them as empty.</summary>
public static class DesignMapExtensions
{
    public static IEnumerable<string> KeysOrEmpty<T>(this OrderedDictionary<string, T>? map) => map?.Keys ?? Enumerable.Empty<string>();

    public static IEnumerable<T> ValuesOrEmpty<T>(this OrderedDictionary<string, T>? map) => map?.Values ?? Enumerable.Empty<T>();
}
