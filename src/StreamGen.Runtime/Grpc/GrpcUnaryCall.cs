namespace StreamGen.Runtime;

using global::System;
using global::System.Threading;
using global::System.Threading.Tasks;
using global::Grpc.Core;

/// <summary>The client end of a unary RPC: the response message, or the server's error as a <see cref="ServiceError"/>.</summary>
public static class GrpcUnaryCall
{
    /// <summary>Awaits <paramref name="call"/>: its response, a <see cref="GrpcServiceError"/> for its error, or cancellation for a canceled token.</summary>
    public static async Task<TResponse> ResponseAsync<TResponse>(AsyncUnaryCall<TResponse> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using (call)
        {
            try
            {
                return await call.ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The call was canceled.", e, cancellationToken);
            }
            catch (RpcException e)
            {
                throw GrpcErrors.FromRpcException(e);
            }
        }
    }
}
