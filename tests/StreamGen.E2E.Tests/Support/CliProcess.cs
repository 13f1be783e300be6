using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace StreamGen.E2E.Tests.Support;

/// <summary>
/// The generated command-line client of the logger (examples/logger-cli) as a real process, as a user runs it: its
/// standard input written line by line (or from a file), its standard output and error collected by line, Ctrl+C sent
/// as SIGINT. Every command line and what it printed go to <see cref="Transcript"/>.
/// </summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();
    private readonly string _commandLine;

    private CliProcess(Process process, string commandLine)
    {
        _process = process;
        _commandLine = commandLine;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _error.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "logger-cli.dll");

    /// <summary>Every command run in this test process and what it printed, for the report.</summary>
    public static ConcurrentQueue<string> Transcript { get; } = new();

    public IReadOnlyList<string> Output => [.. _output];

    public IReadOnlyList<string> Error => [.. _error];

    public int ExitCode => _process.ExitCode;

    public static CliProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        // The key the logger fixture accepts for publish and upload, as a user of the CLI passes it.
        start.Environment["STREAMGEN_API_KEY"] = Logger.LoggerServerFixture.ApiKey;
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new CliProcess(Process.Start(start)!, "logger-cli " + string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a)));
    }

    /// <summary>Runs a command to its end, with <paramref name="input"/> as its standard input.</summary>
    public static async Task<CliProcess> RunAsync(string? input, params string[] args)
    {
        var process = Start(args);
        if (input is not null)
        {
            await process._process.StandardInput.WriteAsync(input);
        }

        process.CloseInput();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return process;
    }

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits for a line of standard output containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_output.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            if (_process.HasExited && !_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                await Task.Delay(100);
                if (!_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
                {
                    Assert.Fail($"{_commandLine} exited ({_process.ExitCode}) before printing '{text}':\n{string.Join("\n", Output.Concat(Error))}");
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{_commandLine} never printed '{text}':\n{string.Join("\n", Output.Concat(Error))}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{_commandLine} did not exit within {timeout}:\n{string.Join("\n", Output.Concat(Error))}");
        }

        _process.WaitForExit();
        Transcript.Enqueue($"$ {_commandLine}\n{string.Concat(Output.Select(l => l + "\n"))}{string.Concat(Error.Select(l => "[stderr] " + l + "\n"))}[exit {_process.ExitCode}]\n");
        return _process.ExitCode;
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
