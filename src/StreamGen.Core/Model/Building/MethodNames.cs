namespace StreamGen.Model.Building;

/// <summary>
/// The names a method generates: its handler and stream interfaces, its HTTP body records and the members of the
/// endpoint class, its gRPC messages and the members of the gRPC service class, and the locals its payload attributes
/// get in generated methods.
/// </summary>
internal sealed record MethodNames(string Name, string AsyncName)
{
    public string? ServerStream { get; init; }

    public string? ClientStream { get; init; }

    public string? RequestBody { get; init; }

    public string? ResponseBody { get; init; }

    public HttpMemberNames? Http { get; init; }

    public string? RpcName { get; init; }

    public string? RequestMessage { get; init; }

    public string? ResponseMessage { get; init; }

    public GrpcMemberNames? Grpc { get; init; }

    /// <summary>Per payload attribute, the local a generated method reads it into (<c>pTopic</c>).</summary>
    public IReadOnlyDictionary<string, string> ParameterLocals { get; init; } = new Dictionary<string, string>();
}
