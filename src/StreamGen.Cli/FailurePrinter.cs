namespace StreamGen.Cli;

/// <summary>
/// Prints a failure that is not a design diagnostic (a wrong command line, a file that cannot be read) in one line:
/// <c>streamgen: message</c> for people, or MSBuild's canonical <c>streamgen : error : message</c> under
/// <c>--format msbuild</c>, so that a build running streamgen reports it as an error rather than as output.
/// </summary>
internal sealed class FailurePrinter(TextWriter error, bool msbuild)
{
    public void Print(string message) => error.WriteLine(msbuild ? $"streamgen : error : {message}" : $"streamgen: {message}");
}
