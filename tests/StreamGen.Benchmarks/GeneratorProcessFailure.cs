namespace StreamGen.Benchmarks;

/// <summary>A run of the gen-process scenario failed (a tool exited non-zero): the scenario stops and says which and why.</summary>
internal sealed class GeneratorProcessFailure(string message) : Exception(message);
