namespace StreamGen.Model.Building;

/// <summary>
/// An error's gRPC status code name as the design maps it (<c>grpc.errors</c> of the service, overridden by the method's).
/// A class rather than a KeyValuePair: LINQ over it would be generic code over a struct that ReadyToRun cannot precompile.
/// </summary>
internal sealed record GrpcErrorStatus(string Name, string Code)
{
    /// <summary>The pair as a KeyValuePair prints it (<c>[name, NotFound]</c>): the key under which identical status tables are shared.</summary>
    public override string ToString() => $"[{Name}, {Code}]";
}
