using StreamGen.Generation;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Generation;

/// <summary>Which user files a run creates: the kinds asked for, never one the project already has in another file.</summary>
public sealed class ScaffoldSelectionTests
{
    private static readonly IReadOnlyList<RenderedFile> Files = Designs.GenerateFile(Path.Combine(Repository.Designs, "logger.yaml")).Files;

    private static IReadOnlyList<string> Scaffolds(IReadOnlyList<RenderedFile> files) =>
        files.Where(f => f.Ownership == Ownership.Scaffold).Select(f => f.RelativePath).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Kinds_choose_among_the_project_program_and_service_stubs_and_generated_files_always_stay()
    {
        using var output = new TempDirectory();

        var all = ScaffoldSelection.Select(Files, ScaffoldKinds.All, output.Path, existing: null).Files;
        var services = ScaffoldSelection.Select(Files, ScaffoldKinds.Service, output.Path, existing: null).Files;
        var none = ScaffoldSelection.Select(Files, ScaffoldKinds.None, output.Path, existing: null).Files;

        Assert.Equal(["ApiKeyAuthenticationHandler.cs", "Logger.csproj", "LoggerClientInterceptors.cs", "LoggerServerInterceptors.cs", "LoggerService.cs", "Program.cs"], Scaffolds(all));
        Assert.Equal(["ApiKeyAuthenticationHandler.cs", "LoggerClientInterceptors.cs", "LoggerServerInterceptors.cs", "LoggerService.cs"], Scaffolds(services));
        Assert.Empty(Scaffolds(none));
        Assert.Equal(Files.Count(f => f.Ownership == Ownership.Generated), none.Count);
    }

    [Fact]
    public void A_stub_whose_type_a_source_declares_is_skipped_and_says_where()
    {
        using var project = new TempDirectory();
        var moved = project.Combine("Services", "Logging.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        File.WriteAllText(moved, "namespace Mine;\n\npublic sealed partial class LoggerService\n{\n}\n");

        var (files, skipped) = ScaffoldSelection.Select(Files, ScaffoldKinds.Service | ScaffoldKinds.Program, project.Path, SourceDeclarations.Read([moved]));

        Assert.Equal(["ApiKeyAuthenticationHandler.cs", "LoggerClientInterceptors.cs", "LoggerServerInterceptors.cs", "Program.cs"], Scaffolds(files));
        var skip = Assert.Single(skipped);
        Assert.Equal("LoggerService.cs", skip.RelativePath);
        Assert.Equal($"LoggerService is declared in {moved.Replace('\\', '/')}", skip.Reason);
    }

    [Theory]
    [InlineData("Console.WriteLine(\"top-level statements\");\n")]
    [InlineData("namespace Mine;\n\ninternal static class Entry\n{\n    public static int Main(string[] args) => 0;\n}\n")]
    public void Program_is_skipped_when_a_source_has_the_entry_point(string source)
    {
        using var project = new TempDirectory();
        var entry = project.Combine("Entry.cs");
        File.WriteAllText(entry, source);

        var (files, skipped) = ScaffoldSelection.Select(Files, ScaffoldKinds.Program | ScaffoldKinds.Service, project.Path, SourceDeclarations.Read([entry, project.Combine("missing.cs")]));

        Assert.Equal(["ApiKeyAuthenticationHandler.cs", "LoggerClientInterceptors.cs", "LoggerServerInterceptors.cs", "LoggerService.cs"], Scaffolds(files));
        Assert.Equal(("Program.cs", $"the entry point is in {entry.Replace('\\', '/')}"), (Assert.Single(skipped).RelativePath, skipped[0].Reason));
    }

    [Fact]
    public void Sources_declaring_other_types_and_methods_named_main_elsewhere_do_not_skip_anything()
    {
        using var project = new TempDirectory();
        var other = project.Combine("Other.cs");
        File.WriteAllText(other, "namespace Mine;\n\npublic sealed class LogBus\n{\n    public void Main() { var LoggerService = 1; _ = LoggerService; }\n}\n");

        var (files, skipped) = ScaffoldSelection.Select(Files, ScaffoldKinds.All, project.Path, SourceDeclarations.Read([other]));

        Assert.Equal(["ApiKeyAuthenticationHandler.cs", "Logger.csproj", "LoggerClientInterceptors.cs", "LoggerServerInterceptors.cs", "LoggerService.cs", "Program.cs"], Scaffolds(files));
        Assert.Empty(skipped);
    }

    [Fact]
    public void A_stub_already_at_its_path_is_the_writers_to_keep_not_a_conflict()
    {
        using var project = new TempDirectory();
        var stub = project.Combine("LoggerService.cs");
        File.WriteAllText(stub, "namespace Acme.Logger;\n\npublic sealed class LoggerService\n{\n}\n");

        var (files, skipped) = ScaffoldSelection.Select(Files, ScaffoldKinds.Service, project.Path, SourceDeclarations.Read([stub]));
        var changes = new OutputWriter(project.Path).Write(files, force: false);

        Assert.Empty(skipped);
        Assert.Contains(changes, c => c.RelativePath == "LoggerService.cs" && c.Kind == FileChangeKind.Kept);
    }
}
