namespace StreamGen.Model.Building;

/// <summary>What a method adds to its service's gRPC service class beside the RPC override: the status map, the stream class.</summary>
internal sealed record GrpcMemberNames(string Status, string? ServerStream);
