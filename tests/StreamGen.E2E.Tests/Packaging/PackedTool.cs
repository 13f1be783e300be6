using System.Diagnostics;

namespace StreamGen.E2E.Tests.Packaging;

/// <summary>
/// The tool and the runtime as users get them: both packed by `dotnet pack` into a temporary folder under a version of
/// their own (so no package cached from an earlier run can stand in for them, and the generated project's reference to
/// the runtime proves it is locked to the tool's version), and the tool installed from there. Built in an artifacts
/// folder of its own, so the repository's bin/ and obj/ are not touched while other tests run.
/// </summary>
public sealed class PackedTool : IAsyncLifetime
{
    public string Work { get; } = Path.Combine(Path.GetTempPath(), "streamgen-package", Guid.NewGuid().ToString("N")[..8]);

    public string Version { get; } = $"0.1.0-test.g{Guid.NewGuid():N}"[..24];

    public string Packages => Path.Combine(Work, "packages");

    public string Streamgen => Path.Combine(Work, "tools", "streamgen");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Work);
        var root = Support.Node.RepositoryRoot;
        var artifacts = Path.Combine(Work, "artifacts");
        foreach (var project in new[] { "StreamGen.Runtime", "StreamGen.Cli" })
        {
            await RunAsync("dotnet", root, "pack", Path.Combine(root, "src", project), "-c", "Release", "-o", Packages, "--artifacts-path", artifacts, $"-p:Version={Version}", "--nologo");
        }

        await RunAsync("dotnet", Work, "tool", "install", "StreamGen", "--tool-path", Path.Combine(Work, "tools"), "--add-source", Packages, "--version", Version);

        // Restores of generated projects find the runtime package here, and everything else where they always do.
        await File.WriteAllTextAsync(
            Path.Combine(Work, "nuget.config"),
            "<configuration><packageSources><add key=\"streamgen-test\" value=\"packages\" /></packageSources></configuration>\n");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Work, recursive: true);

        // The test version of the runtime package was extracted into the global packages folder; it is of no use later.
        var cached = Path.Combine(
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "streamgen.runtime",
            Version);
        if (Directory.Exists(cached))
        {
            Directory.Delete(cached, recursive: true);
        }

        return Task.CompletedTask;
    }

    public static async Task<string> RunAsync(string fileName, string workingDirectory, params string[] args)
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
