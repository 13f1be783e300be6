using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Acme.Logger;
using Runtime = Acme.Logger.Runtime;

namespace StreamGen.Benchmarks;

/// <summary>
/// The logger example (its generated server, LoggerService and LogBus, compiled into this program) in a separate
/// process, so the server's memory is its own and the clients load it from outside. It also serves a SignalR hub over
/// the same bus (the fan-out baseline) and, under /bench, its subscriber count and a forced collection. Started as
/// `StreamGen.Benchmarks logger-server --Http:Port=N --Grpc:Port=M ...` through `sh -c 'ulimit -n ...'`, so it may
/// hold as many connections as the hard file-descriptor limit allows.
/// </summary>
internal sealed class LoggerProcess : IAsyncDisposable
{
    public const string SubCommand = "logger-server";
    public const string ApiKey = "benchmark-key";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private int _disposed;

    private LoggerProcess(Process process, int httpPort)
    {
        _process = process;
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        Http = new HttpClient { BaseAddress = HttpAddress };
    }

    public Uri HttpAddress { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    /// <summary>The server's resident set now, in bytes.</summary>
    public long ResidentBytes => Round.ResidentBytes(_process.Id);

    /// <summary>Runs the server in this process (the sub-command); returns its exit code.</summary>
    public static Task<int> ServeAsync(string[] args) => Runtime::ServerHost.RunAsync("logger", args, builder =>
    {
        builder.AddLoggerServer();
        builder.Services.Configure<LogBusOptions>(builder.Configuration.GetSection("Logger"));
        builder.Services.AddSingleton<LogBus>();
        builder.Services.AddSingleton<ILogBus>(services => services.GetRequiredService<LogBus>());
        builder.Services.AddSingleton<ILoggerService, LoggerService>();
        builder.Services.AddSingleton<LoggerApiKeys>();
        builder.Services.AddSignalR().AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, LoggerJsonContext.Default));
    }, app =>
    {
        app.MapLoggerServer();

        // SignalR needs the WebSockets middleware; the generated routes do their own handshake, so only the hub gets it.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/hub"), branch => branch.UseWebSockets());
        app.MapHub<BusHub>("/hub");
        app.MapGet("/bench/stats", (LogBus bus) => $"{bus.SubscriberCount} {bus.Stored} {GC.GetTotalMemory(false)} {GC.GetTotalAllocatedBytes(precise: true)}");
        app.MapGet("/bench/gc", () =>
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            return GC.GetTotalMemory(true).ToString(CultureInfo.InvariantCulture);
        });
    });

    /// <summary>
    /// Starts the server with extra configuration (`Key=Value`) and waits until it answers. It runs with ASP.NET Core's
    /// server garbage collector, or with <paramref name="workstationGarbageCollector"/> the workstation one (concurrent),
    /// as a deployment sets with `ServerGarbageCollection=false` or `DOTNET_gcServer=0`.
    /// </summary>
    public static async Task<LoggerProcess> StartAsync(IEnumerable<string> configuration, CancellationToken cancellationToken, bool workstationGarbageCollector = false)
    {
        var httpPort = FreePort();
        var grpcPort = FreePort();
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_gcServer"] = workstationGarbageCollector ? "0" : "1";
        start.Environment["DOTNET_gcConcurrent"] = "1";

        // Raise the soft file-descriptor limit to the hard one: 10,000 subscribers are 10,000 sockets.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("ulimit -n \"$(ulimit -Hn)\" && exec \"$@\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LoggerProcess).Assembly.Location);
        }

        start.ArgumentList.Add(SubCommand);
        foreach (var setting in new[]
        {
            $"--Http:Port={httpPort}", $"--Grpc:Port={grpcPort}", "--Http:Host=127.0.0.1", "--Grpc:Host=127.0.0.1",
            $"--Logger:ApiKeys:0={ApiKey}", "--Logging:LogLevel:Default=Warning",
        }.Concat(configuration.Select(c => "--" + c)))
        {
            start.ArgumentList.Add(setting);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the logger process");
        var server = new LoggerProcess(process, httpPort);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the logger process exited with {process.ExitCode}:\n{server.Output}");
            }

            try
            {
                await server.StatsAsync(cancellationToken);
                return server;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Live bus subscriptions, entries stored, the managed heap (bytes, no collection) and the bytes allocated since the process started.</summary>
    public async Task<(int Subscribers, long Stored, long Heap, long Allocated)> StatsAsync(CancellationToken cancellationToken)
    {
        var parts = (await Http.GetStringAsync("/bench/stats", cancellationToken)).Split(' ');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    /// <summary>Runs <paramref name="work"/> while sampling the server's RSS every <paramref name="interval"/>: its result and the highest RSS seen (bytes).</summary>
    public async Task<(T Result, long PeakBytes)> WithPeakResidentBytesAsync<T>(TimeSpan interval, Func<Task<T>> work)
    {
        var (result, peaks) = await WithPeaksAsync(interval, heap: false, work);
        return (result, peaks.ResidentBytes);
    }

    /// <summary>
    /// Runs <paramref name="work"/> while sampling the server's RSS every <paramref name="interval"/> and, with
    /// <paramref name="heap"/>, its managed heap without a collection (garbage included, over /bench/stats): its result
    /// and the highest of each seen (bytes; the heap 0 when not sampled).
    /// </summary>
    public async Task<(T Result, ServerPeaks Peaks)> WithPeaksAsync<T>(TimeSpan interval, bool heap, Func<Task<T>> work)
    {
        var resident = ResidentBytes;
        var managed = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                resident = Math.Max(resident, ResidentBytes);
                if (heap)
                {
                    managed = Math.Max(managed, (await StatsAsync(CancellationToken.None)).Heap);
                }

                await Task.Delay(interval, CancellationToken.None);
            }
        }, CancellationToken.None);
        T result;
        try
        {
            result = await work();
        }
        finally
        {
            await sampling.CancelAsync();
            await sampler;
        }

        // Read after the sampler has stopped: its last sample counts.
        return (result, new ServerPeaks(resident, managed));
    }

    /// <summary>Forces a full compacting collection in the server; returns its managed heap after it, in bytes.</summary>
    public async Task<long> CollectAsync(CancellationToken cancellationToken) =>
        long.Parse(await Http.GetStringAsync("/bench/gc", cancellationToken), CultureInfo.InvariantCulture);

    /// <summary>Waits until the bus has <paramref name="count"/> subscriptions (handlers released), or the timeout.</summary>
    public async Task<int> WaitForSubscribersAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var (subscribers, _, _, _) = await StatsAsync(cancellationToken);
            if (subscribers == count || deadline.Elapsed > timeout)
            {
                return subscribers;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
