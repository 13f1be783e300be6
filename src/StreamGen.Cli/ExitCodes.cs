namespace StreamGen.Cli;

/// <summary>The process exit codes: scripts and CI branch on these, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The design has errors (or a template override does).</summary>
    public const int DesignErrors = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>A file could not be read or written.</summary>
    public const int IO = 3;

    /// <summary><c>gen --check</c>: the output on disk differs from what the design generates.</summary>
    public const int OutOfDate = 4;

    /// <summary>A bug in streamgen itself.</summary>
    public const int Internal = 70;
}
