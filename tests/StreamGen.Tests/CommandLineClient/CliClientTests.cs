using Microsoft.CodeAnalysis;
using StreamGen.Generation;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.CommandLineClient;

/// <summary>
/// The command-line client (<c>gen --cli</c>) of every design in designs/: it compiles, with zero warnings, as its own
/// console project against the service compiled as a library (so it uses only what the service makes public, and no
/// implicit usings); and the logger's and chat's match their golden copies in Golden/cli/&lt;design&gt;/ (the runtime's
/// Cli area is the library's, checked by the runtime tests). STREAMGEN_UPDATE_GOLDEN=1 rewrites the copies.
/// </summary>
public sealed class CliClientTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("STREAMGEN_UPDATE_GOLDEN") == "1";

    public static TheoryData<string> DesignFiles => new(Repository.DesignFiles.Select(Path.GetFileName)!);

    public static TheoryData<string> GoldenDesigns => new("logger.yaml", "chat.yaml");

    public static TheoryData<string> HostileDesigns => new("members", "locals", "types", "unicode");

    [Theory]
    [MemberData(nameof(DesignFiles))]
    public void The_cli_compiles_against_the_service_without_a_single_warning(string design) =>
        AssertCliCompiles(Designs.GenerateFile(Path.Combine(Repository.Designs, design)));

    /// <summary>Design names that are C#'s, the generator's or the CLI's own (an attribute named <c>url</c> or <c>help</c>, a type named <c>Command</c>) move aside.</summary>
    [Theory]
    [MemberData(nameof(HostileDesigns))]
    public void The_cli_of_a_design_of_hostile_names_compiles(string name) =>
        AssertCliCompiles(Designs.Generate(name switch
        {
            "members" => Names.HostileNameDesigns.Members,
            "locals" => Names.HostileNameDesigns.Locals,
            "types" => Names.HostileNameDesigns.Types,
            _ => Names.HostileNameDesigns.Unicode,
        }));

    [Fact]
    public void Options_named_like_the_global_ones_or_the_clis_own_move_aside()
    {
        var model = Designs.Model("""
            api: { name: demo }
            services:
              demo:
                methods:
                  fetch:
                    payload:
                      attributes:
                        url: { type: String }
                        help: { type: Int }
                        format: { type: String, enum: [a, b] }
                        max_items: { type: Int64, default: 5 }
                        file: { type: String }
                    http: { POST: /fetch, params: [url, help, format, max_items, file], skipRequestBodyEncodeDecode: true }
            """);

        var method = Assert.Single(Assert.Single(model.Cli.Services).Methods);

        Assert.Equal(["--payload-url", "--payload-help", "--payload-format", "--max-items", "--file", "--body-file"], method.Options.Select(o => o.Name));
        Assert.Equal("\"fetch\"", method.CommandLiteral);
        Assert.Equal("[\"http\"]", method.TransportsLiteral);
    }

    private static void AssertCliCompiles(GenerationResult service)
    {
        Assert.True(service.Succeeded, string.Join("\n", service.Diagnostics));
        var model = service.Model!;
        var cli = StreamGenerator.GenerateCli(model, Designs.Options, "../service/" + model.Project.FileName);
        Assert.True(cli.Succeeded, string.Join("\n", cli.Diagnostics));

        // The service as the library the CLI project references (its Program.cs is the service's own entry point).
        var library = GeneratedCompilation.Compile(service with { Files = [.. service.Files.Where(f => f.RelativePath != "Program.cs")] }, model.Project.AssemblyName, OutputKind.DynamicallyLinkedLibrary);
        Assert.Empty(library.Problems.Select(d => d.ToString()));
        using var image = new MemoryStream();
        Assert.True(library.Compilation.Emit(image).Success);

        var references = new List<MetadataReference>
        {
            MetadataReference.CreateFromImage(image.ToArray()),
            MetadataReference.CreateFromFile(typeof(System.CommandLine.Command).Assembly.Location),
        };
        references.AddRange(GeneratedCompilation.References);
        if (model.Runtime == StreamGen.Model.RuntimeMode.Package)
        {
            references.Add(MetadataReference.CreateFromFile(typeof(StreamGen.Runtime.ServiceError).Assembly.Location));
        }

        var result = GeneratedCompilation.Compile(new GenerationResult([], null, cli.Files), model.Cli.ExecutableName.Replace('-', '_'), OutputKind.ConsoleApplication, references, implicitUsings: false);
        Assert.Empty(result.Problems.Select(d => d.ToString()));
        Assert.Equal(model.Services.Count(s => s.Methods.Count > 0), model.Cli.Services.Count);
        Assert.Equal(model.Services.Sum(s => s.Methods.Count), model.Cli.Services.Sum(s => s.Methods.Count));
    }

    [Theory]
    [MemberData(nameof(GoldenDesigns))]
    public void The_cli_matches_the_golden_copy(string design)
    {
        var service = Designs.GenerateFile(Path.Combine(Repository.Designs, design));
        var cli = StreamGenerator.GenerateCli(service.Model!, Designs.Options, "../service/" + service.Model!.Project.FileName);
        var files = cli.Files.Where(f => !f.RelativePath.StartsWith("gen/Runtime/", StringComparison.Ordinal)).ToList();
        var directory = Path.Combine(Repository.Golden, "cli", Path.GetFileNameWithoutExtension(design));
        if (Update)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            foreach (var file in files)
            {
                var path = Path.Combine(directory, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
            }

            return;
        }

        Assert.Equal(
            files.Select(f => f.RelativePath).Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(directory, p).Replace('\\', '/')).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllText(Path.Combine(directory, file.RelativePath)) == file.Content, $"{design}: {file.RelativePath} differs from its golden copy; run with STREAMGEN_UPDATE_GOLDEN=1 and read the diff.");
        }
    }

    [Fact]
    public void Source_runtime_designs_get_the_runtime_cli_area_and_package_runtime_designs_get_it_from_the_package()
    {
        var logger = Designs.GenerateFile(Path.Combine(Repository.Designs, "logger.yaml"));
        var chat = Designs.GenerateFile(Path.Combine(Repository.Designs, "chat.yaml"));

        var loggerCli = StreamGenerator.GenerateCli(logger.Model!, Designs.Options, "../logger/Logger.csproj").Files;
        var chatCli = StreamGenerator.GenerateCli(chat.Model!, Designs.Options, "../chat/Chat.csproj").Files;

        Assert.Equal(
            RuntimeSources.All.Where(s => s.Area == RuntimeArea.Cli).Select(s => s.OutputPath).Order(StringComparer.Ordinal),
            loggerCli.Where(f => f.RelativePath.StartsWith("gen/Runtime/", StringComparison.Ordinal)).Select(f => f.RelativePath).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(chatCli, f => f.RelativePath.StartsWith("gen/Runtime/", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Files, f => f.RelativePath.StartsWith("gen/Runtime/Cli/", StringComparison.Ordinal));
        Assert.Contains("<ProjectReference Include=\"$(MSBuildThisFileDirectory)../../logger/Logger.csproj\" />", loggerCli.Single(f => f.RelativePath == "gen/StreamGen.Cli.props").Content, StringComparison.Ordinal);
        Assert.Equal(Ownership.Scaffold, loggerCli.Single(f => f.RelativePath == "logger-cli.csproj").Ownership);
    }
}
