namespace StreamGen.Model.TypeScript;

/// <summary>
/// A client interceptor of the TypeScript client: its method on the service's interceptors interface
/// (<c>requestId(info: RequestIdInfo, next: InterceptorNext): Promise&lt;void&gt;</c>) and its info interface, whose parts are
/// narrowed to exactly the attributes it reads (readonly) and writes.
/// </summary>
public sealed record TypeScriptInterceptorModel
{
    public required string MethodName { get; init; }

    public required string InfoName { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    /// <summary>The info's parts: <c>readonly payload?: Pick&lt;RecentPayload, "requestId"&gt;</c>.</summary>
    public required IReadOnlyList<string> Parts { get; init; }
}
