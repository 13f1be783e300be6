// Created by streamgen once, then edited: registers the log bus the service uses (Logger:Bus: memory, the default, or
// redis with Logger:Redis=HOST:PORT), the server interceptors and the API keys publish and upload accept, and serves the
// log viewer (wwwroot/) at /.
// Starts the logger API: HTTP on port 8080 and gRPC on port 8081 (override with --Http:Port=N --Grpc:Port=N).
using Acme.Logger;

return await LoggerServer.RunAsync(args, builder =>
{
    builder.Services.AddLogBus(builder.Configuration);
    builder.Services.AddSingleton<ILoggerService, LoggerService>();
    builder.Services.AddSingleton<ILoggerServerInterceptors, LoggerServerInterceptors>();
    builder.Services.AddSingleton<LoggerApiKeys>();
    builder.Services.AddHostedService(services => services.GetRequiredService<LoggerApiKeys>());
    builder.Services.AddSingleton<IStartupFilter, LogViewer>();
});

/// <summary>Serves the log viewer, the static files of wwwroot/, ahead of the API's routes.</summary>
internal sealed class LogViewer : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        next(app);
    };
}
