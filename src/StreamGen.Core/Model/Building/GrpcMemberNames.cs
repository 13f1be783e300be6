namespace StreamGen.Model.Building;

/// <summary>
/// What a method adds to its service's gRPC service class beside the RPC override: the status table it uses (one per
/// distinct mapping in the service), the method that reads its payload from metadata, the stream class.
/// </summary>
internal sealed record GrpcMemberNames(string Status, string Decode, string? ServerStream);
