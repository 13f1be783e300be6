using StreamGen.Generation;

namespace StreamGen.Cli.Commands;

/// <summary>
/// A change to a file and the writer of the folder it is in (the project, the TypeScript client or the command-line
/// client), for the report. A class rather than a tuple: LINQ over value tuples is generic code over structs that
/// ReadyToRun cannot precompile, so the JIT would compile it at every start.
/// </summary>
internal sealed record WriterChange(OutputWriter Writer, FileChange Change);
