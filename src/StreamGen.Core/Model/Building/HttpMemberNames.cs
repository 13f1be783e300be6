namespace StreamGen.Model.Building;

/// <summary>What a method adds to its service's HTTP endpoint class: the handler, the error-status map, the stream class.</summary>
internal sealed record HttpMemberNames(string Handler, string ErrorStatus, string? ServerStream);
