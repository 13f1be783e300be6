namespace StreamGen.Benchmarks;

/// <summary>
/// Folders the generator scenarios write their output into, deleted together when the benchmark ends rather than when
/// each scenario does. On ext4, creating files in the minute after thousands were deleted costs ~1 ms each in system
/// CPU (the inode allocator passes over recently deleted inodes, looking each one up): `gen` deleting its outputs just
/// before `gen-process` started made gen-process's figures the file system's (docs/benchmarks-generator.md, fourth round).
/// </summary>
internal static class ScratchFolders
{
    private static readonly List<string> Folders = [];

    /// <summary>A new empty folder under <paramref name="root"/> (the temp folder when null), deleted by <see cref="DeleteAll"/>.</summary>
    public static string Create(string name, string? root = null)
    {
        var folder = Path.Combine(root ?? Path.GetTempPath(), name, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        lock (Folders)
        {
            Folders.Add(folder);
        }

        return folder;
    }

    /// <summary>Deletes every folder made so far; one that cannot be deleted is left (it is under the temp folder).</summary>
    public static void DeleteAll()
    {
        string[] folders;
        lock (Folders)
        {
            folders = [.. Folders];
            Folders.Clear();
        }

        foreach (var folder in folders)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.WriteLine($"  could not delete {folder}: {e.Message}");
            }
        }
    }
}
