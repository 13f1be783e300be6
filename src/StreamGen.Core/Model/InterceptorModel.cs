namespace StreamGen.Model;

/// <summary>
/// An interceptor as the generated code names it: the method of the service's interceptor interface
/// (<c>TraceAsync</c>), its info class (<c>TraceInfo</c>) and a view interface per part it reads or writes.
/// </summary>
public sealed record InterceptorModel
{
    public required string DesignName { get; init; }

    public required string Name { get; init; }

    public required string MethodName { get; init; }

    public required string InfoName { get; init; }

    public required IReadOnlyList<string> Description { get; init; }

    /// <summary>What it is given and when it runs, for the interface method's remarks.</summary>
    public required string Remarks { get; init; }

    public required IReadOnlyList<InterceptorViewModel> Views { get; init; }
}
