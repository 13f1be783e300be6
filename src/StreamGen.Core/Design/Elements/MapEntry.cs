namespace StreamGen.Design;

/// <summary>
/// A key of a design map and its value, as <see cref="DesignMapExtensions.Entries{T}"/> lists them for LINQ. A class, not
/// the map's own KeyValuePair: LINQ over a struct is generic code that ReadyToRun cannot precompile, so the JIT compiled
/// it at every start, where LINQ over a class shares the framework's precompiled code.
/// </summary>
public sealed record MapEntry<T>(string Key, T Value);
