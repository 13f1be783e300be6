namespace StreamGen.Runtime;

using global::System;
using global::System.IO;
using global::System.Net.Http;
using global::System.Net.Sockets;
using global::System.Net.WebSockets;

/// <summary>
/// What a failed call means to the person at the terminal: the exit code (<see cref="CliExitCodes"/>) and one line on
/// standard error, never a stack trace. Connection failures are told apart from the server's answers by what the
/// transports throw: <see cref="HttpRequestException"/> without a status, socket and WebSocket errors anywhere in the
/// chain, and gRPC's <c>UNAVAILABLE</c> without a design error name (the gRPC client names it <c>unavailable</c>).
/// </summary>
public static class CliFailures
{
    /// <summary>The exit code of <paramref name="exception"/>, after writing its line to <paramref name="error"/>.</summary>
    public static int Report(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        if (exception is CliUsageException usage)
        {
            error.WriteLine("error: " + usage.Message);
            return CliExitCodes.Usage;
        }

        if (IsConnectionFailure(exception))
        {
            error.WriteLine("connection failed: " + (exception is ServiceError failed ? failed.Message : Innermost(exception).Message));
            return CliExitCodes.Connection;
        }

        if (exception is ServiceError service)
        {
            error.WriteLine($"{service.Name}: {service.Message}");
            return CliExitCodes.ServiceError;
        }

        if (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + exception.Message);
            return CliExitCodes.Usage;
        }

        throw exception;
    }

    /// <summary>Whether the server was never reached or the connection broke: no answer of the server's.</summary>
    public static bool IsConnectionFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is ServiceError { Name: "unavailable", Temporary: true } || exception is ServiceError { Name: "connection_lost" })
        {
            return true;
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException { StatusCode: null } or SocketException or WebSocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is { } inner)
        {
            current = inner;
        }

        return current;
    }
}
