namespace StreamGen.Model;

/// <summary>
/// The transports a run generates. A method keeps its <c>http</c> mapping only when <see cref="Http"/> is included
/// and its <c>grpc</c> mapping only when <see cref="Grpc"/> is; the service interfaces, types and errors do not depend on it.
/// </summary>
[Flags]
public enum Transports
{
    None = 0,

    /// <summary>WebSockets, Server-Sent Events, raw bodies and unary JSON on Kestrel, with the HTTP client.</summary>
    Http = 1,

    /// <summary>The .proto, the grpc-dotnet adapters and the gRPC client.</summary>
    Grpc = 2,

    /// <summary>Whatever the design maps: the default.</summary>
    All = Http | Grpc,
}
