using StreamGen.Generation.Planners;

namespace StreamGen.Generation;

/// <summary>A user file a run does not create, and why (shown to the user, so it says where the conflict is).</summary>
public sealed record SkippedScaffold(string RelativePath, string Reason);

/// <summary>
/// Which user files a run creates: those of the kinds asked for, minus any the project already provides in another
/// file (a stub whose type a source declares, a Program.cs when a source has the entry point). Creating them anyway
/// would not compile (a duplicate type, two entry points), and a build that creates stubs must never break a project
/// whose author moved or renamed one.
/// </summary>
public static class ScaffoldSelection
{
    /// <param name="files">Everything a run rendered.</param>
    /// <param name="kinds">The kinds of user file wanted.</param>
    /// <param name="outputDirectory">Where user files go: one already there is the writer's to keep, not a conflict.</param>
    /// <param name="existing">What the project's sources declare, or null to create every wanted file that is absent.</param>
    public static (IReadOnlyList<RenderedFile> Files, IReadOnlyList<SkippedScaffold> Skipped) Select(
        IReadOnlyList<RenderedFile> files, ScaffoldKinds kinds, string outputDirectory, SourceDeclarations? existing)
    {
        var selected = new List<RenderedFile>(files.Count);
        var skipped = new List<SkippedScaffold>();
        foreach (var file in files)
        {
            if (file.Ownership == Ownership.Generated)
            {
                selected.Add(file);
            }
            else if (!kinds.HasFlag(ScaffoldPlanner.KindOf(file.RelativePath)))
            {
                continue;
            }
            else if (existing is not null && !File.Exists(Path.Combine(outputDirectory, file.RelativePath)) && Conflict(file, existing) is { } reason)
            {
                skipped.Add(new SkippedScaffold(file.RelativePath, reason));
            }
            else
            {
                selected.Add(file);
            }
        }

        return (selected, skipped);
    }

    private static string? Conflict(RenderedFile file, SourceDeclarations existing)
    {
        if (!file.RelativePath.EndsWith(".cs", StringComparison.Ordinal))
        {
            return null;
        }

        var scaffold = SourceDeclarations.Of(file.RelativePath, file.Content);
        if (scaffold.EntryPointFile is not null && existing.EntryPointFile is { } entry)
        {
            return $"the entry point is in {Display(entry)}";
        }

        return scaffold.TypeNames.Select(name => existing.FileDeclaring(name) is { } other ? $"{name} is declared in {Display(other)}" : null)
            .FirstOrDefault(reason => reason is not null);
    }

    private static string Display(string path) => path.Replace('\\', '/');
}
