namespace StreamGen.Model.Building;

/// <summary>The names a method generates: its handler, stream interfaces, HTTP body records and gRPC messages.</summary>
internal sealed record MethodNames(
    string Name,
    string AsyncName,
    string? ServerStream,
    string? ClientStream,
    string? RequestBody,
    string? ResponseBody,
    string? RequestMessage,
    string? ResponseMessage);
