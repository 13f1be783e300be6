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

    /// <summary>The info's parts, one per message the interceptor reads or writes.</summary>
    public required IReadOnlyList<TypeScriptInfoPartModel> Parts { get; init; }
}

/// <summary>
/// A member of an interceptor's info interface: <c>readonly payload?: Readonly&lt;Pick&lt;RecentPayload, "topic"&gt;&gt; &amp;
/// Pick&lt;RecentPayload, "requestId"&gt;</c>: the attributes it only reads are readonly, the ones it writes are not.
/// </summary>
public sealed record TypeScriptInfoPartModel
{
    /// <summary><c>payload</c>, <c>result</c>, <c>streamingPayload</c> or <c>streamingResult</c>.</summary>
    public required string Key { get; init; }

    public required string TypeName { get; init; }

    /// <summary>The attributes it reads and does not write, as TypeScript string literals.</summary>
    public required IReadOnlyList<string> ReadOnlyKeys { get; init; }

    /// <summary>The attributes it writes, as TypeScript string literals.</summary>
    public required IReadOnlyList<string> WrittenKeys { get; init; }

    public bool HasReadOnlyKeys => ReadOnlyKeys.Count > 0;

    public bool HasWrittenKeys => WrittenKeys.Count > 0;
}
