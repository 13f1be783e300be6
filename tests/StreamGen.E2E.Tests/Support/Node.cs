using System.Diagnostics;

namespace StreamGen.E2E.Tests.Support;

/// <summary>Runs the Node peers in tests/interop, installing their packages first if a plain `dotnet test` runs on a fresh clone.</summary>
public static class Node
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string InteropDirectory { get; } = Path.Combine(RepositoryRoot, "tests", "interop");

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, params string[] args)
    {
        NodePackages.Ensure(InteropDirectory);
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

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StreamGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
