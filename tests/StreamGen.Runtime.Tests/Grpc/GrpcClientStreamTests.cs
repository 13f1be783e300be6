using Grpc.Core;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Grpc;

/// <summary>
/// The client stream adapter over grpc-dotnet's call: conversion both ways, validation of what the server sends, the
/// sending half closed once, and RpcExceptions turned into the design's <see cref="ServiceError"/>s.
/// </summary>
public sealed class GrpcClientStreamTests
{
    [Fact]
    public async Task Sends_are_converted_and_closing_completes_the_request_stream_once()
    {
        var requests = new FakeClientStreamWriter<ProtoMessage>();
        await using var stream = new TestGrpcClientStream(new Call(), requests, null, Headers("tiny"));

        await stream.SendAsync("one");
        await stream.SendAsync("two");
        await stream.CloseAsync();
        await stream.CloseAsync();
        var late = await Assert.ThrowsAsync<InvalidOperationException>(async () => await stream.SendAsync("late"));

        Assert.Equal([new ProtoMessage("one"), new ProtoMessage("two")], requests.Written);
        Assert.Equal(1, requests.Completions);
        Assert.Equal("tiny", stream.View);
        Assert.Contains("closed", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_send_is_the_service_error_named_in_the_trailers()
    {
        var requests = new FakeClientStreamWriter<ProtoMessage>
        {
            FailWith = new RpcException(new Status(StatusCode.NotFound, "no such room"), new Metadata { { "goa-error", "not_found" }, { "goa-error-id", "x1" } }),
        };
        await using var stream = new TestGrpcClientStream(new Call(), requests, null, []);

        var error = await Assert.ThrowsAsync<GrpcServiceError>(async () => await stream.SendAsync("one"));

        Assert.Equal(("not_found", "no such room", "x1", StatusCode.NotFound), (error.Name, error.Message, error.Id, error.StatusCode));
    }

    [Fact]
    public async Task A_send_canceled_by_the_caller_is_an_operation_canceled_exception()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var requests = new FakeClientStreamWriter<ProtoMessage> { FailWith = new RpcException(new Status(StatusCode.Cancelled, "canceled")) };
        await using var stream = new TestGrpcClientStream(new Call(), requests, null, []);

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.SendAsync("one", cancel.Token));

        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Received_messages_are_converted_validated_and_end_with_null()
    {
        var responses = new FakeStreamReader<ProtoMessage>();
        var call = new Call();
        await using var stream = new TestGrpcClientStream(call, null, responses, []);
        responses.Add(new ProtoMessage("one"));
        responses.Add(new ProtoMessage(""));

        Assert.Equal("one", await stream.RecvAsync());
        var error = await Assert.ThrowsAsync<ValidationException>(async () => await stream.RecvAsync());

        Assert.Equal("invalid_length", error.Name);
        Assert.Equal(1, call.Disposals);
    }

    [Fact]
    public async Task A_stream_the_server_failed_is_its_service_error_and_a_clean_end_is_null()
    {
        var failed = new FakeStreamReader<ProtoMessage>();
        failed.End(new RpcException(new Status(StatusCode.Unavailable, "draining")));
        var ended = new FakeStreamReader<ProtoMessage>();
        ended.End();
        await using var failing = new TestGrpcClientStream(new Call(), null, failed, []);
        await using var ending = new TestGrpcClientStream(new Call(), null, ended, []);

        var error = await Assert.ThrowsAsync<GrpcServiceError>(async () => await failing.RecvAsync());

        Assert.Equal(("unavailable", true), (error.Name, error.Temporary));
        Assert.Null(await ending.RecvAsync());
    }

    [Fact]
    public async Task Opening_settles_a_call_whose_headers_already_name_an_error()
    {
        var settled = 0;
        Task Settle()
        {
            settled++;
            throw new RpcException(new Status(StatusCode.NotFound, "no such room"), new Metadata { { "goa-error", "not_found" } });
        }

        var error = await Assert.ThrowsAsync<GrpcServiceError>(() =>
            GrpcClientStream<Message, ProtoMessage, Message, ProtoMessage>.OpenAsync(Task.FromResult(new Metadata { { "goa-error", "not_found" } }), Settle));
        var headers = await GrpcClientStream<Message, ProtoMessage, Message, ProtoMessage>.OpenAsync(Task.FromResult(Headers("tiny")), Settle);

        Assert.Equal("not_found", error.Name);
        Assert.Equal(1, settled);
        Assert.Equal("tiny", headers.GetValue("goa-view"));
    }

    [Fact]
    public async Task Close_and_receive_completes_the_requests_then_converts_and_validates_the_result()
    {
        var requests = new FakeClientStreamWriter<ProtoMessage>();
        await using var stream = new TestGrpcClientStream(new Call(), requests, null, []);

        var result = await stream.CloseAndRecvAsync(Task.FromResult(new ProtoMessage("done")));
        await using var invalid = new TestGrpcClientStream(new Call(), new FakeClientStreamWriter<ProtoMessage>(), null, []);
        var error = await Assert.ThrowsAsync<ValidationException>(async () => await invalid.CloseAndRecvAsync(Task.FromResult(new ProtoMessage(""))));

        Assert.Equal("done", result.Text);
        Assert.Equal(1, requests.Completions);
        Assert.Equal("invalid_length", error.Name);
    }

    [Fact]
    public async Task Disposing_the_stream_disposes_the_call()
    {
        var call = new Call();
        var stream = new TestGrpcClientStream(call, null, null, []);

        await stream.DisposeAsync();

        Assert.Equal(1, call.Disposals);
    }

    private static Metadata Headers(string view) => new() { { "goa-view", view } };

    private sealed class Call : IDisposable
    {
        public int Disposals { get; private set; }

        public void Dispose() => Disposals++;
    }
}
