namespace StreamGen.Model;

/// <summary>
/// One side of a service's interception: the interface the user implements (<c>ILoggerServerInterceptors</c>), the stub
/// created once (<c>LoggerServerInterceptors</c>), and the decorator that runs the chains around the service
/// implementation or any client (<c>InterceptedLoggerService</c>), transport-neutral.
/// </summary>
public sealed record InterceptionSideModel
{
    public required bool IsServer { get; init; }

    public required string ServiceDesignName { get; init; }

    public required string ServiceNameLiteral { get; init; }

    public required IReadOnlyList<string> Usings { get; init; }

    public required string InterfaceName { get; init; }

    public required string StubName { get; init; }

    public required string DecoratorName { get; init; }

    /// <summary>The interface the decorator wraps and implements (<c>ILoggerService</c>, <c>ILoggerClient</c>).</summary>
    public required string InnerName { get; init; }

    /// <summary>The decorator's parameter holding it (<c>service</c>, <c>client</c>).</summary>
    public required string InnerParameter { get; init; }

    public required IReadOnlyList<InterceptorModel> Interceptors { get; init; }

    public required IReadOnlyList<InterceptedMethodModel> Methods { get; init; }

    public required IReadOnlyList<InterceptorAdapterModel> Adapters { get; init; }

    /// <summary>The streams wrapped for per-message chains, one class each.</summary>
    public required IReadOnlyList<InterceptedStreamModel> StreamClasses { get; init; }
}
