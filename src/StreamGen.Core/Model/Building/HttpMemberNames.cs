namespace StreamGen.Model.Building;

/// <summary>
/// What a method adds to its service's HTTP endpoint class: the handler, the method that decodes its payload, the
/// error-status table it uses (one per distinct mapping in the service), the stream class.
/// </summary>
internal sealed record HttpMemberNames(string Handler, string Decode, string ErrorStatus, string? ServerStream);
