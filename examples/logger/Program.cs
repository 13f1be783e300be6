// Created by streamgen once, then edited: registers the log bus the service uses.
// Starts the logger API: HTTP on port 8080 and gRPC on port 8081 (override with --Http:Port=N --Grpc:Port=N).
using Acme.Logger;

return await LoggerServer.RunAsync(args, builder =>
{
    builder.Services.Configure<LogBusOptions>(builder.Configuration.GetSection("Logger"));
    builder.Services.AddSingleton<LogBus>();
    builder.Services.AddSingleton<ILoggerService, LoggerService>();
});
