namespace StreamGen.Benchmarks;

/// <summary>The highest resident set and managed heap (garbage included) a server process reached while sampled, in bytes.</summary>
internal sealed record ServerPeaks(long ResidentBytes, long HeapBytes);
