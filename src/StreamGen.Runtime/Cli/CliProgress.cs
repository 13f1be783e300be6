namespace StreamGen.Runtime;

using global::System;
using global::System.Diagnostics;
using global::System.Globalization;
using global::System.IO;

/// <summary>
/// A progress line for a raw upload or download on standard error (<c>\r 1.2 MB / 4.0 MB  30%  2.5 MB/s</c>), redrawn
/// at most ten times a second. A client shows it only on a terminal: with its output or errors redirected it is
/// <see cref="None"/>, so files and pipes get only the data.
/// </summary>
public sealed class CliProgress
{
    private readonly TextWriter? _writer;
    private readonly long? _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;

    private CliProgress(TextWriter? writer, long? total)
    {
        _writer = writer;
        _total = total;
    }

    /// <summary>No progress: bytes are counted and nothing is drawn.</summary>
    public static CliProgress None { get; } = new(null, null);

    public long Bytes { get; private set; }

    /// <summary>A progress line on <paramref name="error"/> when both standard output and standard error are a terminal, else <see cref="None"/>.</summary>
    public static CliProgress ForTerminal(TextWriter error, long? total) =>
        Console.IsOutputRedirected || Console.IsErrorRedirected ? new CliProgress(null, total) : new CliProgress(error, total);

    public void Add(int count)
    {
        Bytes += count;
        if (_writer is not null && _clock.ElapsedMilliseconds - _lastDraw >= 100)
        {
            Draw();
        }
    }

    /// <summary>Draws the final figures and ends the line.</summary>
    public void Complete()
    {
        if (_writer is not null)
        {
            Draw();
            _writer.WriteLine();
        }
    }

    private void Draw()
    {
        _lastDraw = _clock.ElapsedMilliseconds;
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var rate = Size(Bytes / seconds) + "/s";
        var line = _total is { } total and > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Size(Bytes)} / {Size(total)}  {Math.Min(100, Bytes * 100 / total),3}%  {rate}")
            : $"{Size(Bytes)}  {rate}";
        _writer!.Write("\r" + line.PadRight(40));
        _writer.Flush();
    }

    private static string Size(double bytes) => bytes switch
    {
        >= 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 30):0.0} GB"),
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 20):0.0} MB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 10):0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B"),
    };
}
