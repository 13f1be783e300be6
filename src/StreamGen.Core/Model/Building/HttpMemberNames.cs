namespace StreamGen.Model.Building;

/// <summary>
/// What a method adds to its service's HTTP endpoint class: the handler, the method that decodes its payload, the
/// error-status table it uses (one per distinct mapping in the service), the stream class; for a route that answers
/// several framings (<c>serverSentEvents</c>), the stream class of each other framing and the generic method that serves
/// whichever the request picked.
/// </summary>
internal sealed record HttpMemberNames(string Handler, string Decode, string ErrorStatus, string? ServerStream)
{
    public string? JsonLinesServerStream { get; init; }

    public string? WebSocketServerStream { get; init; }

    public string? Serve { get; init; }
}
