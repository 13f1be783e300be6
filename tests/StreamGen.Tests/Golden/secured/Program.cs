// Created by streamgen once; yours to edit.
// Template: scaffold/program.cs.sbn (override it with --templates DIR).
// Starts the secured API: HTTP on port 9180 and gRPC on port 9181 (override with --Http:Port=N --Grpc:Port=N).
using Acme.Secured;

return await SecuredServer.RunAsync(args, builder =>
{
    builder.Services.AddSingleton<ISecuredService, SecuredService>();
});
