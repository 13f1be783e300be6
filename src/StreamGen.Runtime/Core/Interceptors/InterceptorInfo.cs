namespace StreamGen.Runtime;

/// <summary>
/// What every interceptor is told about the call it wraps (Goa's <c>Info</c>): the service and method by their design
/// names and what is being wrapped. The generated info of each interceptor adds its typed views of exactly the attributes
/// the design lets it read and write.
/// </summary>
public abstract class InterceptorInfo(string service, string method, InterceptorCallType callType)
{
    /// <summary>The service's design name (<c>logger</c>).</summary>
    public string Service { get; } = service;

    /// <summary>The method's design name (<c>watch</c>).</summary>
    public string Method { get; } = method;

    /// <summary>The whole call, or one streamed message sent or received.</summary>
    public InterceptorCallType CallType { get; } = callType;
}
