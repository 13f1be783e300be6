using System.Text;

namespace StreamGen.Generation;

public enum FileChangeKind
{
    Created,
    Updated,
    Unchanged,
    Deleted,

    /// <summary>A scaffold that exists already: the user owns it, so it is left alone.</summary>
    Kept,
}

public sealed record FileChange(string RelativePath, FileChangeKind Kind, Ownership Ownership)
{
    public bool IsChange => Kind is FileChangeKind.Created or FileChangeKind.Updated or FileChangeKind.Deleted;
}

/// <summary>
/// Writes rendered files. gen/ is staged whole in <c>.streamgen-tmp/</c> beside it and swapped in by renames, so
/// a failure at any point leaves the previous gen/ as it was; scaffolds are created only when absent (or with
/// <c>--force</c>); <c>--check</c> compares and writes nothing.
/// </summary>
/// <param name="outputDirectory">The project folder: user files go here, and gen/ unless <paramref name="generatedDirectory"/> says otherwise.</param>
/// <param name="generatedDirectory">Where the files planned under gen/ go instead of <c>outputDirectory/gen</c> (a build writes them under obj/).</param>
public sealed class OutputWriter(string outputDirectory, string? generatedDirectory = null)
{
    public const string GeneratedFolder = "gen";
    public const string StagingFolder = ".streamgen-tmp";
    public const string MarkerFile = ".streamgen";
    private const string MarkerText = "This folder is written by streamgen and replaced on every run. Edit the design, not these files.\n";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _generated = Path.TrimEndingDirectorySeparator(generatedDirectory ?? Path.Combine(outputDirectory, GeneratedFolder));

    /// <summary>Test hook: called after each staged file is written, to simulate a failure part-way.</summary>
    internal Action<string>? AfterStagedFile { get; init; }

    /// <summary>What writing would change, without writing anything.</summary>
    public IReadOnlyList<FileChange> Compare(IReadOnlyList<RenderedFile> files, bool force)
    {
        var changes = new List<FileChange>();
        var generated = files.Where(f => f.Ownership == Ownership.Generated).ToList();
        foreach (var file in generated)
        {
            var path = PathOf(file.RelativePath);
            var kind = !File.Exists(path) ? FileChangeKind.Created
                : File.ReadAllText(path, Utf8) == file.Content ? FileChangeKind.Unchanged : FileChangeKind.Updated;
            changes.Add(new FileChange(file.RelativePath, kind, Ownership.Generated));
        }

        var expected = generated.Select(f => f.RelativePath).Append($"{GeneratedFolder}/{MarkerFile}").ToHashSet(StringComparer.Ordinal);
        if (Directory.Exists(_generated))
        {
            foreach (var existing in Directory.EnumerateFiles(_generated, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = $"{GeneratedFolder}/{Path.GetRelativePath(_generated, existing).Replace('\\', '/')}";
                if (!expected.Contains(relative))
                {
                    changes.Add(new FileChange(relative, FileChangeKind.Deleted, Ownership.Generated));
                }
            }
        }

        foreach (var file in files.Where(f => f.Ownership == Ownership.Scaffold))
        {
            var path = PathOf(file.RelativePath);
            var kind = !File.Exists(path) ? FileChangeKind.Created
                : !force || File.ReadAllText(path, Utf8) == file.Content ? FileChangeKind.Kept : FileChangeKind.Updated;
            changes.Add(new FileChange(file.RelativePath, kind, Ownership.Scaffold));
        }

        return changes;
    }

    /// <summary>Writes what changed. Throws <see cref="IOException"/> (or <see cref="UnauthorizedAccessException"/>) on failure, after undoing the swap.</summary>
    public IReadOnlyList<FileChange> Write(IReadOnlyList<RenderedFile> files, bool force)
    {
        var changes = Compare(files, force);
        var genDirectory = _generated;
        CheckOwnership(force);

        if (changes.Any(c => c.Ownership == Ownership.Generated && c.IsChange) || !File.Exists(Path.Combine(genDirectory, MarkerFile)))
        {
            ReplaceGenerated(files.Where(f => f.Ownership == Ownership.Generated).ToList());
        }

        foreach (var file in files.Where(f => f.Ownership == Ownership.Scaffold))
        {
            var change = changes.First(c => c.RelativePath == file.RelativePath);
            if (change.Kind is FileChangeKind.Created or FileChangeKind.Updated)
            {
                WriteScaffold(file, overwrite: change.Kind == FileChangeKind.Updated);
            }
        }

        return changes;
    }

    /// <summary>Throws when the generated folder holds files streamgen did not write (unless forced): they are not ours to replace.</summary>
    public void CheckOwnership(bool force)
    {
        // Only files are worth protecting: `dotnet clean` leaves gen/'s empty folders behind (and its marker deleted).
        if (Directory.Exists(_generated) && !File.Exists(Path.Combine(_generated, MarkerFile)) && !force
            && Directory.EnumerateFiles(_generated, "*", SearchOption.AllDirectories).Any())
        {
            throw new IOException($"'{_generated}' exists but was not written by streamgen; move it away or pass --force to replace it.");
        }
    }

    private void ReplaceGenerated(IReadOnlyList<RenderedFile> files)
    {
        // Staged beside gen/ so that the swap is a rename on one volume.
        var genDirectory = Path.GetFullPath(_generated);
        var staging = Path.Combine(Path.GetDirectoryName(genDirectory)!, StagingFolder);
        var token = Guid.NewGuid().ToString("N")[..8];
        var stagedGen = Path.Combine(staging, $"gen-{token}");
        var retired = Path.Combine(staging, $"old-{token}");
        try
        {
            Directory.CreateDirectory(stagedGen);
            File.WriteAllText(Path.Combine(stagedGen, MarkerFile), MarkerText, Utf8);
            WriteStaged(stagedGen, files);

            var hadPrevious = Directory.Exists(genDirectory);
            if (hadPrevious)
            {
                Directory.Move(genDirectory, retired);
            }

            try
            {
                Directory.Move(stagedGen, genDirectory);
            }
            catch when (hadPrevious)
            {
                Directory.Move(retired, genDirectory);
                throw;
            }
        }
        finally
        {
            TryDelete(staging);
        }
    }

    /// <summary>
    /// Writes the files into the staged folder, creating each folder once. One file after another: creating files is the
    /// kernel's work, serialized on the file system, and writing from two threads doubled the CPU it took without
    /// shortening it (docs/benchmarks-generator.md).
    /// </summary>
    private void WriteStaged(string stagedGen, IReadOnlyList<RenderedFile> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var path = Path.Combine(stagedGen, file.RelativePath[(GeneratedFolder.Length + 1)..]);
            if (folders.Add(Path.GetDirectoryName(path)!))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }

            File.WriteAllText(path, file.Content, Utf8);
            AfterStagedFile?.Invoke(file.RelativePath);
        }
    }

    private void WriteScaffold(RenderedFile file, bool overwrite)
    {
        var path = PathOf(file.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, file.Content, Utf8);
        try
        {
            File.Move(temporary, path, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Where a planned file goes: files planned under gen/ in the generated folder, user files in the project folder.</summary>
    public string PathOf(string relativePath) =>
        relativePath.StartsWith(GeneratedFolder + "/", StringComparison.Ordinal)
            ? Path.Combine(_generated, relativePath[(GeneratedFolder.Length + 1)..])
            : Path.Combine(outputDirectory, relativePath);

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Leftover staging is harmless: the next run replaces it, and .gitignore hides it.
        }
    }
}
