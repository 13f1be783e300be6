namespace StreamGen.Runtime;

using global::System;
using global::System.Security.Cryptography;

/// <summary>
/// An error a service method returns (Goa's ServiceError): a design error name, a unique id and flags. Transports map
/// the name to an HTTP status, a WebSocket close reason or a gRPC status, as the design says.
/// </summary>
public class ServiceError : Exception
{
    public ServiceError(string name, string message, bool temporary = false, bool timeout = false, bool fault = false, Exception? innerException = null)
        : base(message, innerException)
    {
        Name = name;
        Temporary = temporary;
        Timeout = timeout;
        Fault = fault;
        Id = NewId();
    }

    /// <summary>The error's name in the design (<c>not_found</c>); validation errors use Goa's names (<c>missing_field</c>, ...).</summary>
    public string Name { get; }

    /// <summary>A short unique id, to find this occurrence in logs.</summary>
    public string Id { get; init; }

    public bool Temporary { get; }

    public bool Timeout { get; }

    /// <summary>A server-side fault: the message is not meant for clients.</summary>
    public bool Fault { get; }

    /// <summary>The body every transport sends for this error.</summary>
    public ErrorResult ToResult() => new(Name, Id, Message, Temporary, Timeout, Fault);

    /// <summary>The error a client sees for a received error body.</summary>
    public static ServiceError FromResult(ErrorResult result) =>
        new(result.Name, result.Message, result.Temporary, result.Timeout, result.Fault) { Id = result.Id };

    /// <summary>What a client may see of an unexpected exception: a fault with no internals.</summary>
    public static ServiceError Internal(Exception exception) =>
        new("fault", "internal error", fault: true, innerException: exception);

    private static string NewId()
    {
        Span<byte> bytes = stackalloc byte[6];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }
}
