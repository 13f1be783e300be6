// Created by streamgen once; yours to edit.
// Template: scaffold/program.cs.sbn (override it with --templates DIR).
// Starts the interop API: HTTP on port 9180 and gRPC on port 9181 (override with --Http:Port=N --Grpc:Port=N).
using StreamGen.Interop;

return await InteropServer.RunAsync(args, builder =>
{
    builder.Services.AddSingleton<ITestService, TestService>();
});
