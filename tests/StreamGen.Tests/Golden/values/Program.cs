// Created by streamgen once; yours to edit.
// Template: scaffold/program.cs.sbn (override it with --templates DIR).
// Starts the values API: HTTP on port 9190 and gRPC on port 9191 (override with --Http:Port=N --Grpc:Port=N).
using StreamGen.Values;

return await ValuesServer.RunAsync(args, builder =>
{
    builder.Services.AddSingleton<IEchoService, EchoService>();
});
