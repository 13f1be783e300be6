using StreamGen.Generation;

namespace StreamGen.Cli.Commands;

/// <summary>
/// A folder written beside the project (the TypeScript client, the command-line client): its writer and files, or
/// <see cref="None"/> when the run was not asked for it.
/// </summary>
internal sealed record ExtraOutput(OutputWriter? Writer, IReadOnlyList<RenderedFile> Files)
{
    public static ExtraOutput None { get; } = new(null, []);
}
