namespace StreamGen.Runtime;

using global::Grpc.Core;

/// <summary>A <see cref="ServiceError"/> received from a gRPC call, with its status code.</summary>
public sealed class GrpcServiceError(StatusCode statusCode, string name, string message, RpcException innerException, bool temporary = false, bool timeout = false, bool fault = false)
    : ServiceError(name, message, temporary, timeout, fault, innerException)
{
    public StatusCode StatusCode { get; } = statusCode;
}
