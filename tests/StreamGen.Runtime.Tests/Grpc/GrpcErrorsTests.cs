using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Grpc;

/// <summary>Errors over gRPC both ways: the status and trailers each failure kind becomes, and the error a client rebuilds.</summary>
public sealed class GrpcErrorsTests
{
    private static readonly Func<string, StatusCode?> ErrorStatus = name => name == "not_found" ? StatusCode.NotFound : null;

    [Fact]
    public void A_validation_error_is_invalid_argument_named_in_the_trailers()
    {
        var error = new ValidationException([new ValidationError("missing_field", "topic", "is missing")]);

        var rpc = GrpcErrors.ToRpcException(error, ErrorStatus, new FakeServerCallContext(), NullLogger.Instance);

        Assert.Equal((StatusCode.InvalidArgument, "\"topic\" is missing"), (rpc.StatusCode, rpc.Status.Detail));
        Assert.Equal(("missing_field", error.Id), (rpc.Trailers.GetValue("goa-error"), rpc.Trailers.GetValue("goa-error-id")));
        Assert.Null(rpc.Trailers.Get("goa-error-flags"));
    }

    [Theory]
    [InlineData("not_found", StatusCode.NotFound)]
    [InlineData("unmapped", StatusCode.Unknown)]
    public void A_design_error_is_the_status_the_design_maps_it_to(string name, StatusCode status)
    {
        var error = new ServiceError(name, "it failed", temporary: true, timeout: true);

        var rpc = GrpcErrors.ToRpcException(error, ErrorStatus, new FakeServerCallContext(), NullLogger.Instance);

        Assert.Equal((status, "it failed"), (rpc.StatusCode, rpc.Status.Detail));
        Assert.Equal((name, "temporary,timeout"), (rpc.Trailers.GetValue("goa-error"), rpc.Trailers.GetValue("goa-error-flags")));
    }

    [Fact]
    public void An_unexpected_exception_is_internal_with_an_id_and_no_internals()
    {
        var rpc = GrpcErrors.ToRpcException(new InvalidOperationException("secret"), ErrorStatus, new FakeServerCallContext(), NullLogger.Instance);

        var id = rpc.Trailers.GetValue("goa-error-id");
        Assert.Equal((StatusCode.Internal, $"internal error (id {id})"), (rpc.StatusCode, rpc.Status.Detail));
        Assert.Equal(("fault", "fault"), (rpc.Trailers.GetValue("goa-error"), rpc.Trailers.GetValue("goa-error-flags")));
        Assert.Matches("^[A-Za-z0-9_-]{8}$", id);
    }

    [Fact]
    public void A_canceled_call_is_cancelled_or_deadline_exceeded()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();
        var cancellation = new OperationCanceledException(canceled.Token);

        var byClient = GrpcErrors.ToRpcException(cancellation, ErrorStatus, new FakeServerCallContext(canceled.Token), NullLogger.Instance);
        var byDeadline = GrpcErrors.ToRpcException(cancellation, ErrorStatus, new FakeServerCallContext(canceled.Token, DateTime.UtcNow.AddSeconds(-1)), NullLogger.Instance);
        var notTheCall = GrpcErrors.ToRpcException(cancellation, ErrorStatus, new FakeServerCallContext(), NullLogger.Instance);

        Assert.Equal(StatusCode.Cancelled, byClient.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, byDeadline.StatusCode);
        Assert.Equal(StatusCode.Internal, notTheCall.StatusCode);
    }

    [Fact]
    public void An_rpc_exception_passes_through()
    {
        var rpc = new RpcException(new Status(StatusCode.PermissionDenied, "no"));

        Assert.Same(rpc, GrpcErrors.ToRpcException(rpc, ErrorStatus, new FakeServerCallContext(), NullLogger.Instance));
    }

    [Fact]
    public void A_client_rebuilds_the_service_error_from_status_and_trailers()
    {
        var sent = GrpcErrors.ToRpcException(new ServiceError("not_found", "no such topic", timeout: true), ErrorStatus, new FakeServerCallContext(), NullLogger.Instance);

        var error = GrpcErrors.FromRpcException(sent);

        Assert.Equal(("not_found", "no such topic", sent.Trailers.GetValue("goa-error-id"), StatusCode.NotFound), (error.Name, error.Message, error.Id, ((GrpcServiceError)error).StatusCode));
        Assert.Equal((false, true, false), (error.Temporary, error.Timeout, error.Fault));
        Assert.Same(sent, error.InnerException);
    }

    [Theory]
    [InlineData(StatusCode.Cancelled, "canceled", false, false, false)]
    [InlineData(StatusCode.DeadlineExceeded, "timeout", false, true, false)]
    [InlineData(StatusCode.Unavailable, "unavailable", true, false, false)]
    [InlineData(StatusCode.Unimplemented, "not_implemented", false, false, false)]
    [InlineData(StatusCode.InvalidArgument, "invalid_argument", false, false, false)]
    [InlineData(StatusCode.Internal, "fault", false, false, true)]
    [InlineData(StatusCode.DataLoss, "fault", false, false, false)]
    public void A_status_without_trailers_gets_a_name_and_flags_from_its_code(StatusCode code, string name, bool temporary, bool timeout, bool fault)
    {
        var error = GrpcErrors.FromRpcException(new RpcException(new Status(code, "detail")));

        Assert.Equal((name, temporary, timeout, fault), (error.Name, error.Temporary, error.Timeout, error.Fault));
    }
}
