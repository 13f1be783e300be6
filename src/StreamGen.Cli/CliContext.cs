using StreamGen.Design;

namespace StreamGen.Cli;

/// <summary>The design file a command works on: its path as the user wrote it (for messages) and its text.</summary>
internal sealed record DesignInput(string Path, string DisplayPath, string Text)
{
    /// <summary>Reads the design, or throws <see cref="UsageException"/> / <see cref="IOException"/> with a one-line message.</summary>
    public static DesignInput Read(string path)
    {
        if (!DesignLoader.IsSupported(path))
        {
            throw new UsageException($"'{path}' is not a design file: use a .yaml, .yml or .json file.");
        }

        if (!File.Exists(path))
        {
            throw new IOException($"cannot read '{path}': no such file.");
        }

        return new DesignInput(path, path.Replace('\\', '/'), File.ReadAllText(path));
    }
}

/// <summary>A mistake on the command line, reported in one line with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
