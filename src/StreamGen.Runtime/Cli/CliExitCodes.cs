namespace StreamGen.Runtime;

/// <summary>
/// The exit codes of a generated command-line client, as Goa's CLIs and dotnet tools use them: scripts branch on them.
/// </summary>
public static class CliExitCodes
{
    /// <summary>The call succeeded (a stream ended, or was stopped with Ctrl+C and closed cleanly).</summary>
    public const int Ok = 0;

    /// <summary>The server returned an error: a design error (<c>not_found</c>), a validation error or a fault. Its name and message are on standard error.</summary>
    public const int ServiceError = 1;

    /// <summary>The command line or the input is wrong (an unknown option, a value breaking the design's rules, a bad NDJSON line): nothing, or nothing more, was sent.</summary>
    public const int Usage = 2;

    /// <summary>The server could not be reached, or the connection was lost.</summary>
    public const int Connection = 3;
}
