namespace StreamGen.Runtime;

/// <summary>
/// Logger categories of the HTTP transport: the runtime's namespace plus the transport, so they sit under the service's
/// own namespace when the runtime is generated as source (<c>Acme.Logger.Runtime.WebSockets</c>) and under the
/// package's when it comes from the package. Computed once; loggers are created per request.
/// </summary>
internal static class LogCategories
{
    /// <summary>HTTP errors: design errors answered with a 5xx status, and faults.</summary>
    public static readonly string Http = typeof(LogCategories).Namespace + ".Http";

    /// <summary>WebSocket streams: clients leaving, rejected messages, handler errors.</summary>
    public static readonly string WebSockets = typeof(LogCategories).Namespace + ".WebSockets";

    /// <summary>Server-Sent Events client streams: reconnections.</summary>
    public static readonly string ServerSentEvents = typeof(LogCategories).Namespace + ".ServerSentEvents";
}
