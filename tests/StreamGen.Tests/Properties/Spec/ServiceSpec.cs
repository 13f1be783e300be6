namespace StreamGen.Tests.Properties.Spec;

/// <summary>A service: base path, errors and their mappings, gRPC for every method, and the methods.</summary>
internal sealed record ServiceSpec(
    string Name,
    IReadOnlyList<MethodSpec> Methods,
    IReadOnlyList<ErrorSpec> Errors,
    string? HttpPath = null,
    IReadOnlyList<KeyValuePair<string, int>>? HttpErrors = null,
    bool GrpcEnabled = false,
    IReadOnlyList<KeyValuePair<string, string>>? GrpcErrors = null,
    string? Description = null);

/// <summary>An error a service or method declares (Goa's ErrorResult flags).</summary>
internal sealed record ErrorSpec(string Name, bool Temporary = false, bool Timeout = false, bool Fault = false, string? Description = null);
