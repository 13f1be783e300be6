using StreamGen.Design;

namespace StreamGen.Model;

/// <summary>An interceptor's typed view of one part of a call (<c>ITraceStreamingResult</c>): exactly the attributes it reads (get) and writes (get and set).</summary>
public sealed record InterceptorViewModel
{
    public required TypeRole Role { get; init; }

    public required string InterfaceName { get; init; }

    /// <summary>The info property (<c>StreamingResult</c>) and constructor parameter (<c>streamingResult</c>) that carry it.</summary>
    public required string PropertyName { get; init; }

    public required string ParameterName { get; init; }

    public required string Summary { get; init; }

    public required IReadOnlyList<InterceptorAttributeModel> Attributes { get; init; }
}
