using System.Diagnostics;

namespace StreamGen.E2E.Tests.Support;

/// <summary>Runs the Node peers in tests/interop, installing their packages first if a plain `dotnet test` runs on a fresh clone.</summary>
public static class Node
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string InteropDirectory { get; } = Path.Combine(RepositoryRoot, "tests", "interop");

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string script, params string[] args) =>
        RunAsync([], script, args);

    /// <summary>Runs a script with options for node itself (<c>--experimental-websocket</c>) before it.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> nodeOptions, string script, params string[] args)
    {
        NodePackages.Ensure(InteropDirectory);
        var start = new ProcessStartInfo("node") { WorkingDirectory = InteropDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var option in nodeOptions)
        {
            start.ArgumentList.Add(option);
        }

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

    /// <summary>
    /// What node needs for the global WebSocket browsers have: Node 22 has it; Node 20 (this machine's) behind
    /// <c>--experimental-websocket</c>.
    /// </summary>
    public static IReadOnlyList<string> WebSocketOptions { get; } = MajorVersion() < 22 ? ["--experimental-websocket"] : [];

    private static int MajorVersion()
    {
        using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
        var version = process.StandardOutput.ReadToEnd().Trim().TrimStart('v');
        process.WaitForExit();
        return int.Parse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
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
