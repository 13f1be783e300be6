// Created by streamgen once; yours to edit.
// Template: scaffold/program.cs.sbn (override it with --templates DIR).
// Starts the chat API: HTTP on port 9080 and gRPC on port 9081 (override with --Http:Port=N --Grpc:Port=N).
using Acme.Chat;

return await ChatServer.RunAsync(args, builder =>
{
    builder.Services.AddSingleton<IChatService, ChatService>();
});
