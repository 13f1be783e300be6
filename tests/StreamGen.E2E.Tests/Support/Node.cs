using System.Diagnostics;

namespace StreamGen.E2E.Tests.Support;

/// <summary>Runs the Node peers in tests/interop (installed by `npm ci` there, which .ci/run does).</summary>
public static class Node
{
    public static string InteropDirectory { get; } = FindInterop();

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, params string[] args)
    {
        Assert.True(Directory.Exists(Path.Combine(InteropDirectory, "node_modules")), "Node packages are missing: run `npm ci` in tests/interop (.ci/run does).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = InteropDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string FindInterop()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StreamGen.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "tests", "interop");
    }
}
