namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.Runtime.CompilerServices;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Microsoft.AspNetCore.Builder;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.Hosting;
using global::Microsoft.Extensions.Logging;

/// <summary>
/// What the generated host (<c>{Api}Server</c>) does the same for every API: run with exit codes and one-line messages
/// instead of stack traces, single-line console logging that holds the framework's start-failure logs back, and one log
/// line per listening port.
/// </summary>
public static partial class ServerHost
{
    /// <summary>
    /// Builds the server with <paramref name="configure"/>, maps it with <paramref name="map"/> and runs it until shutdown.
    /// Returns the process exit code: 0 after a clean shutdown, 1 when a port cannot be bound, 2 for a bad configuration value.
    /// </summary>
    public static async Task<int> RunAsync(string apiName, string[] args, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(map);
        WebApplication? app = null;
        ServerEndpoints? endpoints = null;
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            configure(builder);
            app = builder.Build();
            endpoints = app.Services.GetService<ServerEndpoints>();
            map(app);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (ServerConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"{apiName}: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (IOException e) when (e.InnerException is not null || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            var options = (endpoints?.HasHttp != false ? " --Http:Port=N" : "") + (endpoints?.HasGrpc != false ? " --Grpc:Port=N" : "");
            await Console.Error.WriteLineAsync($"{apiName}: cannot start: {e.Message} Choose other ports with{options}.").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Single-line console logging. The host prints its own line per port, and one line (no stack trace) when it cannot
    /// start: <see cref="RunAsync"/> reports a failed start, so the framework's own start-failure logs are held back until
    /// the server is up.
    /// </summary>
    public static void AddConsoleLogging(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });

        var started = new StrongBox<bool>();
        builder.Services.AddHostedService(services => new StartedFlag(services.GetRequiredService<IHostApplicationLifetime>(), started));
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", level => level >= LogLevel.Warning && (started.Value || level < LogLevel.Critical));
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Information && (started.Value || level < LogLevel.Error));
    }

    /// <summary>Logs, under <paramref name="category"/>, one line per listening port once the server has started, and one when it shuts down.</summary>
    public static void LogLifetime(WebApplication app, string category)
    {
        ArgumentNullException.ThrowIfNull(app);
        var endpoints = app.Services.GetRequiredService<ServerEndpoints>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (endpoints.HasHttp)
            {
                LogListening(logger, "HTTP (WebSockets, Server-Sent Events, JSON)", endpoints.HttpUrl);
            }

            if (endpoints.HasGrpc)
            {
                LogListening(logger, "gRPC (HTTP/2, h2c)", endpoints.GrpcUrl);
            }
        });
        app.Lifetime.ApplicationStopping.Register(() => LogStopping(logger));
    }

    [LoggerMessage(100, LogLevel.Information, "{Transport} listening on {Url}")]
    private static partial void LogListening(ILogger logger, string transport, string url);

    [LoggerMessage(101, LogLevel.Information, "Shutting down: open streams are closed with 1001")]
    private static partial void LogStopping(ILogger logger);

    /// <summary>Flips the start-failure log filter once the application has started.</summary>
    private sealed class StartedFlag(IHostApplicationLifetime lifetime, StrongBox<bool> started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() => started.Value = true);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
