using System.Collections.Concurrent;
using System.Diagnostics;

namespace StreamGen.E2E.Tests.Support;

/// <summary>The logger example as a real process (the built Logger.dll run with dotnet), as a user starts it.</summary>
public sealed class ExampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();

    private ExampleProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _error.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Output => [.. _output];

    public IReadOnlyList<string> Error => [.. _error];

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    public static ExampleProcess Start(IEnumerable<string> args, IDictionary<string, string>? environment = null) => Start(Dll, args, environment);

    /// <summary>Starts another build of a service (the logger built by StreamGen.MSBuild, say) the same way.</summary>
    public static ExampleProcess Start(string dll, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new ExampleProcess(Process.Start(start)!);
    }

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "Logger.dll");

    /// <summary>Waits for a line of standard output containing <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The example exited ({_process.ExitCode}) before printing '{text}':\n{string.Join("\n", Output.Concat(Error))}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The example never printed '{text}':\n{string.Join("\n", Output.Concat(Error))}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits for a line containing <paramref name="text"/> (true) or for the process to exit first (false).</summary>
    public async Task<bool> WaitForExitOrOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as a service manager or Ctrl+C would.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
