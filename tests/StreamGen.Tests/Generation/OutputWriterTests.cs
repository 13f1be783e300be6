using StreamGen.Generation;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Generation;

public sealed class OutputWriterTests
{
    private static IReadOnlyList<RenderedFile> Files(string design = "counter.json") =>
        Designs.GenerateFile(Path.Combine(Repository.Designs, design)).Files;

    [Fact]
    public void A_failure_while_writing_leaves_the_previous_output_untouched()
    {
        using var output = new TempDirectory();
        var writer = new OutputWriter(output.Path);
        writer.Write(Files(), force: false);
        var before = Read(output.Path);
        var changed = Files().Select(f => f with { Content = f.Content + "// changed\n" }).ToList();
        var failing = new OutputWriter(output.Path) { AfterStagedFile = path => throw new IOException($"disk full after {path}") };

        var error = Assert.Throws<IOException>(() => failing.Write(changed, force: false));

        Assert.StartsWith("disk full", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Read(output.Path));
        Assert.False(Directory.Exists(Path.Combine(output.Path, OutputWriter.StagingFolder)));
    }

    [Fact]
    public void User_files_are_created_once_and_never_overwritten_without_force()
    {
        using var output = new TempDirectory();
        var writer = new OutputWriter(output.Path);
        var first = writer.Write(Files(), force: false);
        var program = Path.Combine(output.Path, "Program.cs");
        File.WriteAllText(program, "// mine\n");

        var second = writer.Write(Files(), force: false);

        Assert.Contains(first, c => c.RelativePath == "Program.cs" && c.Kind == FileChangeKind.Created);
        Assert.Contains(second, c => c.RelativePath == "Program.cs" && c.Kind == FileChangeKind.Kept);
        Assert.Equal("// mine\n", File.ReadAllText(program));
        Assert.All(second.Where(c => c.Ownership == Ownership.Generated), c => Assert.Equal(FileChangeKind.Unchanged, c.Kind));

        writer.Write(Files(), force: true);
        Assert.StartsWith("// Created by streamgen", File.ReadAllText(program), StringComparison.Ordinal);
    }

    [Fact]
    public void Gen_is_replaced_whole_so_files_of_a_removed_type_disappear()
    {
        using var output = new TempDirectory();
        var writer = new OutputWriter(output.Path);
        writer.Write(Files(), force: false);
        var stale = Path.Combine(output.Path, "gen", "Types", "Gone.g.cs");
        File.WriteAllText(stale, "// from an older design\n");

        var changes = writer.Write(Files(), force: false);

        Assert.Contains(changes, c => c.RelativePath == "gen/Types/Gone.g.cs" && c.Kind == FileChangeKind.Deleted);
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void A_gen_folder_streamgen_did_not_write_is_not_replaced_without_force()
    {
        using var output = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(output.Path, "gen"));
        File.WriteAllText(Path.Combine(output.Path, "gen", "important.txt"), "keep me");

        Assert.Throws<IOException>(() => new OutputWriter(output.Path).Write(Files(), force: false));
        Assert.True(File.Exists(Path.Combine(output.Path, "gen", "important.txt")));
    }

    [Fact]
    public void A_gen_folder_of_empty_folders_is_replaced_as_dotnet_clean_leaves_it()
    {
        using var output = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(output.Path, "gen", "Types"));

        new OutputWriter(output.Path).Write(Files(), force: false);

        Assert.True(File.Exists(Path.Combine(output.Path, "gen", "Types", "Tick.g.cs")));
    }

    [Fact]
    public void Compare_lists_what_would_change_and_writes_nothing()
    {
        using var output = new TempDirectory();
        var writer = new OutputWriter(output.Path);
        writer.Write(Files(), force: false);
        var tick = Path.Combine(output.Path, "gen", "Types", "Tick.g.cs");
        File.AppendAllText(tick, "// edited by hand\n");
        var edited = File.ReadAllText(tick);

        var drift = writer.Compare(Files(), force: false).Where(c => c.IsChange).ToList();

        var change = Assert.Single(drift);
        Assert.Equal(("gen/Types/Tick.g.cs", FileChangeKind.Updated), (change.RelativePath, change.Kind));
        Assert.Equal(edited, File.ReadAllText(tick));
    }

    [Fact]
    public void Gen_can_live_apart_from_the_user_files_and_is_still_replaced_whole_and_atomically()
    {
        using var root = new TempDirectory();
        var project = root.Combine("project");
        var gen = root.Combine("obj", "streamgen", "counter", "gen");
        var writer = new OutputWriter(project, gen + Path.DirectorySeparatorChar);
        writer.Write(Files(), force: false);
        File.WriteAllText(Path.Combine(gen, "Types", "Gone.g.cs"), "// from an older design\n");

        var changes = writer.Write(Files(), force: false);

        Assert.True(File.Exists(Path.Combine(gen, "Types", "Tick.g.cs")));
        Assert.True(File.Exists(Path.Combine(gen, OutputWriter.MarkerFile)));
        Assert.True(File.Exists(Path.Combine(project, "Program.cs")));
        Assert.False(Directory.Exists(Path.Combine(project, "gen")));
        Assert.Contains(changes, c => c.RelativePath == "gen/Types/Gone.g.cs" && c.Kind == FileChangeKind.Deleted);
        Assert.False(File.Exists(Path.Combine(gen, "Types", "Gone.g.cs")));
        Assert.False(Directory.Exists(root.Combine("obj", "streamgen", "counter", OutputWriter.StagingFolder)));
        Assert.Equal(Path.Combine(gen, "Types", "Tick.g.cs"), writer.PathOf("gen/Types/Tick.g.cs"));
        Assert.Equal(Path.Combine(project, "Program.cs"), writer.PathOf("Program.cs"));
    }

    private static Dictionary<string, string> Read(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText);
}
