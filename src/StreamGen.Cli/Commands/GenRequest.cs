using StreamGen.Generation;
using StreamGen.Model;

namespace StreamGen.Cli.Commands;

/// <summary>A <c>gen</c> command line, parsed: <see cref="Transports"/> is null when the design decides.</summary>
internal sealed record GenRequest(
    string Design,
    string Output,
    string? Templates,
    bool Check,
    bool Force,
    string? Namespace,
    Transports? Transports,
    string? GenDir,
    ScaffoldKinds Scaffold,
    string? ProjectSources);
