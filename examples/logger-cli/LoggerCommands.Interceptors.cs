// Written by hand: registers the logger example's client interceptors with the generated command-line client, so every
// command's call gets a request id (X-Request-Id; over gRPC in the request or its metadata), as the C# clients do.
namespace Acme.Logger;

internal static partial class LoggerCommands
{
    static partial void RegisterInterceptors(ref ILoggerClientInterceptors? interceptors) => interceptors = new LoggerClientInterceptors();
}
