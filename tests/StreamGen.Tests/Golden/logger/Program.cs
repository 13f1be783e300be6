// Created by streamgen once; yours to edit.
// Starts the logger API: HTTP on port 8080 and gRPC on port 8081 (override with --Http:Port=N --Grpc:Port=N).
using Acme.Logger;

return await LoggerServer.RunAsync(args, builder =>
{
    builder.Services.AddSingleton<ILoggerService, LoggerService>();
});
