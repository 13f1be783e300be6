using System.Diagnostics;
using StreamGen.E2E.Tests.Support;

namespace StreamGen.E2E.Tests.Packaging;

/// <summary>
/// streamgen as users get it: `dotnet pack` makes the tool, `dotnet tool install` installs it from the package, and the
/// project it generates builds outside this repository with public packages only.
/// </summary>
public sealed class ToolPackageTests
{
    [Fact]
    public async Task The_packed_tool_installs_runs_and_generates_a_project_that_builds_outside_the_repository()
    {
        var root = Node.RepositoryRoot;
        var work = Path.Combine(Path.GetTempPath(), "streamgen-package", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var packages = Path.Combine(work, "packages");
            var tools = Path.Combine(work, "tools");
            var output = Path.Combine(work, "logger");
            await RunAsync("dotnet", root, "pack", Path.Combine(root, "src", "StreamGen.Cli"), "-c", "Release", "-o", packages, "--nologo");
            Assert.Single(Directory.GetFiles(packages, "StreamGen.*.nupkg"));

            await RunAsync("dotnet", work, "tool", "install", "StreamGen", "--tool-path", tools, "--add-source", packages, "--prerelease");
            var streamgen = Path.Combine(tools, "streamgen");
            var version = await RunAsync(streamgen, work, "--version");
            var generated = await RunAsync(streamgen, root, "gen", "designs/logger.yaml", "-o", output);
            var built = await RunAsync("dotnet", output, "build", "--nologo", "-v", "q");

            Assert.Matches(@"^\d+\.\d+\.\d+", version.Trim());
            Assert.Contains("created", generated, StringComparison.Ordinal);
            Assert.Contains("0 Warning(s)", built, StringComparison.Ordinal);
            Assert.Contains("0 Error(s)", built, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, "bin", "Debug", "net10.0", "Logger.dll")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string fileName, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A build started from a test host would otherwise inherit its MSBuild settings.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "MSBUILD_EXE_PATH").ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        var text = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', args)} exited {process.ExitCode}:\n{text}");
        return text;
    }
}
