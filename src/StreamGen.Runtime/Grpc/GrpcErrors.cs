namespace StreamGen.Runtime;

using global::System;
using global::System.Linq;
using global::Grpc.Core;
using global::Microsoft.Extensions.Logging;

/// <summary>
/// Errors over gRPC, both ways. A validation error is INVALID_ARGUMENT, a design error the status the design maps it to
/// (UNKNOWN otherwise), a peer too slow to keep up (<see cref="StreamStalledException"/>) RESOURCE_EXHAUSTED, anything unexpected INTERNAL with no internals; the error name travels in the <c>goa-error</c>
/// trailer so the client can rebuild the <see cref="ServiceError"/>.
/// </summary>
public static partial class GrpcErrors
{
    public const string ErrorNameKey = "goa-error";
    public const string ErrorIdKey = "goa-error-id";
    public const string ErrorFlagsKey = "goa-error-flags";

    public static RpcException ToRpcException(Exception exception, Func<string, StatusCode?> errorStatus, ServerCallContext context, ILogger logger)
    {
        if (exception is RpcException rpc)
        {
            return rpc;
        }

        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(context.Deadline <= DateTime.UtcNow ? StatusCode.DeadlineExceeded : StatusCode.Cancelled, "the call was canceled"));
        }

        ServiceError error;
        StatusCode code;
        switch (exception)
        {
            case StreamStalledException stalled:
                error = stalled;
                code = StatusCode.ResourceExhausted;
                LogServiceError(logger, context.Method, stalled.Name, stalled.Message);
                break;
            case ValidationException validation:
                error = validation;
                code = errorStatus(validation.Name) ?? StatusCode.InvalidArgument;
                break;
            case ServiceError { Fault: false } designError:
                error = designError;
                code = errorStatus(designError.Name) ?? StatusCode.Unknown;
                LogServiceError(logger, context.Method, designError.Name, designError.Message);
                break;
            default:
                var fault = exception as ServiceError ?? ServiceError.Internal(exception);
                LogFault(logger, exception, context.Method, fault.Id);
                error = new ServiceError("fault", $"internal error (id {fault.Id})", fault: true) { Id = fault.Id };
                code = StatusCode.Internal;
                break;
        }

        var trailers = new Metadata
        {
            { ErrorNameKey, error.Name },
            { ErrorIdKey, error.Id },
        };
        var flags = string.Join(',', new[] { error.Temporary ? "temporary" : null, error.Timeout ? "timeout" : null, error.Fault ? "fault" : null }.OfType<string>());
        if (flags.Length > 0)
        {
            trailers.Add(ErrorFlagsKey, flags);
        }

        return new RpcException(new Status(code, error.Message), trailers);
    }

    /// <summary>The <see cref="ServiceError"/> a failed call carries.</summary>
    public static ServiceError FromRpcException(RpcException exception)
    {
        var name = exception.Trailers.GetValue(ErrorNameKey) ?? exception.StatusCode switch
        {
            StatusCode.Cancelled => "canceled",
            StatusCode.DeadlineExceeded => "timeout",
            StatusCode.Unavailable => "unavailable",
            StatusCode.Unimplemented => "not_implemented",
            StatusCode.InvalidArgument => "invalid_argument",
            _ => "fault",
        };
        var flags = (exception.Trailers.GetValue(ErrorFlagsKey) ?? "").Split(',');
        return new GrpcServiceError(
            exception.StatusCode,
            name,
            exception.Status.Detail,
            exception,
            temporary: flags.Contains("temporary") || exception.StatusCode == StatusCode.Unavailable,
            timeout: flags.Contains("timeout") || exception.StatusCode == StatusCode.DeadlineExceeded,
            fault: flags.Contains("fault") || exception.StatusCode == StatusCode.Internal)
        {
            Id = exception.Trailers.GetValue(ErrorIdKey) ?? "",
        };
    }

    [LoggerMessage(20, LogLevel.Warning, "{Method} returned error {Name}: {Message}")]
    private static partial void LogServiceError(ILogger logger, string method, string name, string message);

    [LoggerMessage(21, LogLevel.Error, "{Method} failed (error id {Id})")]
    private static partial void LogFault(ILogger logger, Exception exception, string method, string id);
}
