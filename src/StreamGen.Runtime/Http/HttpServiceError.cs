namespace StreamGen.Runtime;

/// <summary>A <see cref="ServiceError"/> received as an HTTP response, with its status.</summary>
public sealed class HttpServiceError(int statusCode, string name, string message, bool temporary = false, bool timeout = false, bool fault = false)
    : ServiceError(name, message, temporary, timeout, fault)
{
    public int StatusCode { get; } = statusCode;
}
