using StreamGen.Generation;
using StreamGen.Model;

namespace StreamGen.Cli.Commands;

/// <summary>
/// A <c>gen</c> command line, parsed: <see cref="Runtime"/> and <see cref="Transports"/> are null when the design decides;
/// <see cref="TypeScript"/> is the folder of the TypeScript client, when one is asked for; <see cref="Cli"/> the folder
/// of the command-line client, which references <see cref="ServiceProject"/> (default: the project file gen writes).
/// </summary>
internal sealed record GenRequest(
    string Design,
    string Output,
    string? Templates,
    RuntimeMode? Runtime,
    bool Check,
    bool Force,
    string? Namespace,
    Transports? Transports,
    bool NoDocs,
    string? GenDir,
    ScaffoldKinds Scaffold,
    string? ProjectSources,
    string? TypeScript = null,
    string? Cli = null,
    string? ServiceProject = null);
