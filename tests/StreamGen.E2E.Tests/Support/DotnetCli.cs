using System.Diagnostics;

namespace StreamGen.E2E.Tests.Support;

/// <summary>What a finished process printed (standard output and error, interleaved as lines arrived) and how it exited.</summary>
public sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed);

/// <summary>
/// Runs dotnet (or a tool) as a user's shell would: a clean MSBuild environment (a test host's own MSBuild settings would
/// otherwise leak into the build), extra variables on top, and a generous timeout for builds on a loaded machine.
/// </summary>
public static class DotnetCli
{
    public static Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunFileAsync("dotnet", workingDirectory, environment, args);

    public static async Task<ProcessResult> RunFileAsync(string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "MSBUILD_EXE_PATH").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in 6 minutes:\n{string.Join('\n', lines)}");
        }

        process.WaitForExit();
        lock (lines)
        {
            return new ProcessResult(process.ExitCode, string.Join('\n', lines), stopwatch.Elapsed);
        }
    }
}
