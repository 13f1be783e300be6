namespace StreamGen.E2E.Tests.Packaging;

/// <summary>
/// streamgen as users get it: `dotnet pack` makes the tool and the runtime package, `dotnet tool install` installs the
/// tool from its package, and the projects it generates build outside this repository: with the runtime as source from
/// public packages only, and with `--runtime package` from the packed runtime, warnings as errors.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class ToolPackageTests(PackedTool tool) : IClassFixture<PackedTool>
{
    [Fact]
    public async Task The_packed_tool_installs_runs_and_generates_a_project_that_builds_outside_the_repository()
    {
        var output = Path.Combine(tool.Work, "logger");

        var version = await PackedTool.RunAsync(tool.Streamgen, tool.Work, "--version");
        var generated = await PackedTool.RunAsync(tool.Streamgen, Support.Node.RepositoryRoot, "gen", "designs/logger.yaml", "-o", output);
        var built = await PackedTool.RunAsync("dotnet", output, "build", "--nologo", "-v", "q");

        Assert.Equal(tool.Version, version.Trim());
        Assert.Contains("created", generated, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "gen", "Runtime", "Http", "WebSockets", "WebSocketFrameWriter.g.cs")));
        Assert.Contains("0 Warning(s)", built, StringComparison.Ordinal);
        Assert.Contains("0 Error(s)", built, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "bin", "Debug", "net10.0", "Logger.dll")));
    }

    [Fact]
    public async Task With_runtime_package_the_generated_project_builds_against_the_packed_runtime_of_the_tool_version()
    {
        var output = Path.Combine(tool.Work, "logger-package");

        await PackedTool.RunAsync(tool.Streamgen, Support.Node.RepositoryRoot, "gen", "designs/logger.yaml", "-o", output, "--runtime", "package");
        var built = await PackedTool.RunAsync("dotnet", output, "build", "--nologo", "-v", "q", "-warnaserror");

        Assert.False(Directory.Exists(Path.Combine(output, "gen", "Runtime")));
        Assert.Contains(
            $"<PackageReference Include=\"StreamGen.Runtime\" Version=\"[{tool.Version}]\" />",
            await File.ReadAllTextAsync(Path.Combine(output, "gen", "StreamGen.props")),
            StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", built, StringComparison.Ordinal);
        Assert.Contains("0 Error(s)", built, StringComparison.Ordinal);
        Assert.Contains($"\"StreamGen.Runtime/{tool.Version}\"", await File.ReadAllTextAsync(Path.Combine(output, "obj", "project.assets.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "bin", "Debug", "net10.0", "StreamGen.Runtime.dll")));
        Assert.True(File.Exists(Path.Combine(output, "bin", "Debug", "net10.0", "Logger.dll")));
    }
}
