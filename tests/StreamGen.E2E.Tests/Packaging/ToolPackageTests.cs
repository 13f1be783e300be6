using StreamGen.E2E.Tests.Support;

namespace StreamGen.E2E.Tests.Packaging;

/// <summary>
/// streamgen as users get it: `dotnet pack` makes the tool and the runtime package, `dotnet tool install` installs the
/// tool from its package (as a global tool in a folder, or as a local tool in a repository's manifest), and the projects
/// it generates build outside this repository: with the runtime as source from public packages only, and with
/// `--runtime package` from the packed runtime of the tool's version, warnings as errors.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ToolPackageTests(PackagesFixture packages)
{
    [Fact]
    public async Task The_packed_tool_installs_runs_and_generates_a_project_that_builds_outside_the_repository()
    {
        var work = packages.NewWorkspace("global-tool");
        var environment = packages.Environment(work);
        var tools = Path.Combine(work, "tools");
        var output = Path.Combine(work, "logger");
        Assert.True(File.Exists(Path.Combine(packages.Feed, $"StreamGen.{packages.Version}.nupkg")));

        Succeeded(await DotnetCli.RunAsync(work, environment, "tool", "install", "StreamGen", "--tool-path", tools, "--add-source", packages.Feed, "--version", packages.Version));
        var streamgen = Path.Combine(tools, "streamgen");
        var version = Succeeded(await DotnetCli.RunFileAsync(streamgen, work, environment, "--version"));
        var generated = Succeeded(await DotnetCli.RunFileAsync(streamgen, Node.RepositoryRoot, environment, "gen", "designs/logger.yaml", "-o", output));
        var built = Succeeded(await DotnetCli.RunAsync(output, environment, "build", "--nologo", "-v", "q", "-nodeReuse:false"));

        Assert.Equal(packages.Version, version.Trim());
        Assert.Contains("created", generated, StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", built, StringComparison.Ordinal);
        Assert.Contains("0 Error(s)", built, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "bin", "Debug", "net10.0", "Logger.dll")));
    }

    [Fact]
    public async Task With_runtime_package_the_generated_project_builds_against_the_packed_runtime_of_the_tool_version()
    {
        var work = packages.NewWorkspace("runtime-package");
        var environment = packages.Environment(work);
        var tools = Path.Combine(work, "tools");
        var output = Path.Combine(work, "logger-package");

        Succeeded(await DotnetCli.RunAsync(work, environment, "tool", "install", "StreamGen", "--tool-path", tools, "--add-source", packages.Feed, "--version", packages.Version));
        Succeeded(await DotnetCli.RunFileAsync(Path.Combine(tools, "streamgen"), Node.RepositoryRoot, environment, "gen", "designs/logger.yaml", "-o", output, "--runtime", "package"));
        var built = Succeeded(await DotnetCli.RunAsync(output, environment, "build", "--nologo", "-v", "q", "-warnaserror", "-nodeReuse:false"));

        Assert.False(Directory.Exists(Path.Combine(output, "gen", "Runtime")));
        Assert.Contains(
            $"<PackageReference Include=\"StreamGen.Runtime\" Version=\"[{packages.Version}]\" />",
            await File.ReadAllTextAsync(Path.Combine(output, "gen", "StreamGen.props")),
            StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", built, StringComparison.Ordinal);
        Assert.Contains("0 Error(s)", built, StringComparison.Ordinal);
        Assert.Contains($"\"StreamGen.Runtime/{packages.Version}\"", await File.ReadAllTextAsync(Path.Combine(output, "obj", "project.assets.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "bin", "Debug", "net10.0", "StreamGen.Runtime.dll")));
        Assert.True(File.Exists(Path.Combine(output, "bin", "Debug", "net10.0", "Logger.dll")));
    }

    [Fact]
    public async Task A_local_tool_manifest_installs_the_packed_tool_and_dotnet_streamgen_generates()
    {
        var repository = packages.NewWorkspace("local-tool");
        var environment = packages.Environment(repository);
        File.Copy(Path.Combine(Node.RepositoryRoot, "designs", "counter.json"), Path.Combine(repository, "counter.json"));

        Succeeded(await DotnetCli.RunAsync(repository, environment, "new", "tool-manifest"));
        Succeeded(await DotnetCli.RunAsync(repository, environment, "tool", "install", "StreamGen", "--add-source", packages.Feed, "--version", packages.Version));
        var version = Succeeded(await DotnetCli.RunAsync(repository, environment, "streamgen", "--version"));
        var generated = Succeeded(await DotnetCli.RunAsync(repository, environment, "streamgen", "gen", "counter.json", "-o", "service"));
        var validated = await DotnetCli.RunAsync(repository, environment, "tool", "run", "streamgen", "validate", "counter.json", "--format", "msbuild");

        // dotnet new tool-manifest writes dotnet-tools.json at the root (.NET 10) or under .config/ (earlier SDKs).
        var manifest = File.ReadAllText(new[] { "dotnet-tools.json", Path.Combine(".config", "dotnet-tools.json") }.Select(p => Path.Combine(repository, p)).First(File.Exists));
        Assert.Contains($"\"version\": \"{packages.Version}\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"streamgen\"", manifest, StringComparison.Ordinal);
        Assert.Equal(packages.Version, version.Trim());
        Assert.Matches(@"streamgen: \d+ files: \d+ created", generated);
        Assert.True(File.Exists(Path.Combine(repository, "service", "gen", "Counter", "ICounterService.g.cs")));
        Assert.True(File.Exists(Path.Combine(repository, "service", "Counter.csproj")));
        Assert.Equal((0, ""), (validated.ExitCode, validated.Output.Trim()));
    }

    private static string Succeeded(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, $"exited {result.ExitCode}:\n{result.Output}");
        return result.Output;
    }
}
