// Created by streamgen once; yours to edit.
// Template: scaffold/program.cs.sbn (override it with --templates DIR).
// Starts the logger API: HTTP on port 8080 and gRPC on port 8081 (override with --Http:Port=N --Grpc:Port=N).
using Acme.Logger;

return await LoggerServer.RunAsync(args, builder =>
{
    builder.Services.AddSingleton<ILoggerService, LoggerService>();
    builder.Services.AddSingleton<ILoggerServerInterceptors, LoggerServerInterceptors>();
});
