using StreamGen.E2E.Tests.Support;
using Acme.Logger;
using Microsoft.Extensions.DependencyInjection;

namespace StreamGen.E2E.Tests.Hostile;

/// <summary>A logger example server of its own (the example's own service and bus), with configuration a test chooses.</summary>
public static class LoggerServers
{
    public static Task<TestServer> StartAsync(IEnumerable<string> args, Action<LogBusOptions>? bus = null) => TestServer.StartAsync(
        builder => builder.AddLoggerServer(),
        app => app.MapLoggerServer(),
        services =>
        {
            services.Configure<LogBusOptions>(options => bus?.Invoke(options));
            services.AddMemoryLogBus();
            services.AddSingleton<ILoggerService, LoggerService>();
            services.AddSingleton<ILoggerServerInterceptors, LoggerServerInterceptors>();
            services.AddSingleton<LoggerApiKeys>();
        },
        [$"--Logger:ApiKeys:0={Logger.LoggerServerFixture.ApiKey}", .. args]);

    /// <summary>What the generated clients send to these servers' protected methods.</summary>
    public static Acme.Logger.Runtime.ClientCredentials Credentials => Acme.Logger.Runtime.ClientCredentials.Key(Logger.LoggerServerFixture.ApiKey);
}
