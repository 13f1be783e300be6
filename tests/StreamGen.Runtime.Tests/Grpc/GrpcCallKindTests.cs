using Grpc.Core;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Grpc;

/// <summary>
/// The client end of each streaming RPC kind over grpc-dotnet's call objects: opening (the server's error when it failed
/// first, and the call disposed), conversion and validation of what arrives, the view from the response headers, ending
/// the sending half, and the unary call's errors.
/// </summary>
public sealed class GrpcCallKindTests
{
    [Fact]
    public async Task A_server_streaming_call_receives_converted_results_then_null()
    {
        var responses = new FakeStreamReader<ProtoMessage>();
        responses.Add(new ProtoMessage("a"));
        responses.Add(new ProtoMessage("b"));
        responses.End();
        var call = ServerStreaming(responses, []);
        await using var stream = new Notes(call, await Notes.OpenAsync(call, default));

        var texts = await ((IStreamReceiver<Message>)stream).ReadAllAsync().Select(m => m.Text).ToListAsync();

        Assert.Equal(["a", "b"], texts);
        Assert.Null(await ((IStreamReceiver<Message>)stream).RecvAsync());
    }

    [Fact]
    public async Task A_call_the_server_failed_before_opening_throws_its_error_and_is_disposed()
    {
        var responses = new FakeStreamReader<ProtoMessage>();
        responses.End(new RpcException(new Status(StatusCode.NotFound, "no such topic"), new Metadata { { "goa-error", "not_found" } }));
        var disposed = false;
        var call = ServerStreaming(responses, new Metadata { { "goa-error", "not_found" } }, () => disposed = true);

        var error = await Assert.ThrowsAsync<GrpcServiceError>(() => Notes.OpenAsync(call, default));

        Assert.Equal(("not_found", StatusCode.NotFound), (error.Name, error.StatusCode));
        Assert.True(disposed);
    }

    [Fact]
    public async Task A_viewed_call_reads_the_view_from_the_headers_and_checks_each_result_against_it()
    {
        var responses = new FakeStreamReader<ProtoMessage>();
        responses.Add(new ProtoMessage("title|"));
        var call = ServerStreaming(responses, new Metadata { { "goa-view", "default" } });
        await using var stream = new ViewedNotes(call, await ViewedNotes.OpenAsync(call, default));

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await ((IStreamReceiver<Note>)stream).RecvAsync());

        Assert.Equal(NoteView.Full, stream.View);
        Assert.Equal(("missing_field", "body"), (error.Errors[0].Name, error.Errors[0].Field));
    }

    [Fact]
    public async Task A_client_streaming_call_with_a_result_sends_converted_messages_and_validates_the_result()
    {
        var requests = new FakeClientStreamWriter<ProtoMessage>();
        var call = new AsyncClientStreamingCall<ProtoMessage, ProtoMessage>(requests, Task.FromResult(new ProtoMessage("2")), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        await using var stream = new Tally(call, await Tally.OpenAsync(call, default));

        await ((IStreamSender<Message>)stream).SendAsync(new Message("a"));
        var result = await ((IStreamResultReceiver<Message>)stream).CloseAndRecvAsync();

        Assert.Equal([new ProtoMessage("a")], requests.Written);
        Assert.Equal((1, "2"), (requests.Completions, result.Text));
    }

    [Fact]
    public async Task A_client_streaming_call_without_a_result_waits_for_the_empty_response_when_it_closes()
    {
        var requests = new FakeClientStreamWriter<ProtoMessage>();
        var response = new TaskCompletionSource<ProtoMessage>();
        var call = new AsyncClientStreamingCall<ProtoMessage, ProtoMessage>(requests, response.Task, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        await using var stream = new Drain(call, []);

        var closing = ((IStreamCloser)stream).CloseAsync().AsTask();
        Assert.False(closing.IsCompleted);
        response.SetResult(new ProtoMessage(""));
        await closing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, requests.Completions);
    }

    [Fact]
    public async Task A_bidirectional_call_sends_closes_and_keeps_receiving()
    {
        var requests = new FakeClientStreamWriter<ProtoMessage>();
        var responses = new FakeStreamReader<ProtoMessage>();
        var call = new AsyncDuplexStreamingCall<ProtoMessage, ProtoMessage>(requests, responses, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        await using var stream = new Echo(call, []);

        await stream.SendAsync(new Message("a"));
        await ((IStreamCloser)stream).CloseAsync();
        responses.Add(new ProtoMessage("a"));
        responses.End();

        Assert.Equal("a", (await ((IStreamReceiver<Message>)stream).RecvAsync())?.Text);
        Assert.Null(await ((IStreamReceiver<Message>)stream).RecvAsync());
        Assert.Equal(1, requests.Completions);
    }

    [Fact]
    public async Task A_unary_call_gives_the_response_or_the_server_error()
    {
        var ok = new AsyncUnaryCall<ProtoMessage>(Task.FromResult(new ProtoMessage("r")), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        var failing = new AsyncUnaryCall<ProtoMessage>(
            Task.FromException<ProtoMessage>(new RpcException(new Status(StatusCode.NotFound, "gone"), new Metadata { { "goa-error", "not_found" } })),
            Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        var cancelling = new AsyncUnaryCall<ProtoMessage>(
            Task.FromException<ProtoMessage>(new RpcException(new Status(StatusCode.Cancelled, "canceled"))), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });

        Assert.Equal("r", (await GrpcUnaryCall.ResponseAsync(ok, default)).Text);
        Assert.Equal("not_found", (await Assert.ThrowsAsync<GrpcServiceError>(() => GrpcUnaryCall.ResponseAsync(failing, default))).Name);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GrpcUnaryCall.ResponseAsync(cancelling, canceled.Token));
    }

    private static AsyncServerStreamingCall<ProtoMessage> ServerStreaming(FakeStreamReader<ProtoMessage> responses, Metadata headers, Action? dispose = null) =>
        new(responses, Task.FromResult(headers), () => Status.DefaultSuccess, () => [], dispose ?? (() => { }));

    private static Note ToNote(ProtoMessage message) => new() { Title = message.Text.Split('|')[0], Body = message.Text.Split('|')[1] is { Length: > 0 } body ? body : null };

    private sealed class Notes(AsyncServerStreamingCall<ProtoMessage> call, Metadata headers)
        : GrpcServerStreamingCall<Message, ProtoMessage>(call, headers, p => new Message(p.Text)), IStreamReceiver<Message>;

    private sealed class ViewedNotes(AsyncServerStreamingCall<ProtoMessage> call, Metadata headers)
        : GrpcViewedServerStreamingCall<Note, ProtoMessage, NoteView>(call, headers, ToNote), IViewedStreamReceiver<Note, NoteView>;

    private sealed class Tally(AsyncClientStreamingCall<ProtoMessage, ProtoMessage> call, Metadata headers)
        : GrpcClientStreamingResultCall<Message, ProtoMessage, Message, ProtoMessage>(call, headers, m => new ProtoMessage(m.Text), p => new Message(p.Text));

    private sealed class Drain(AsyncClientStreamingCall<ProtoMessage, ProtoMessage> call, Metadata headers)
        : GrpcClientStreamingCall<Message, ProtoMessage, ProtoMessage>(call, headers, m => new ProtoMessage(m.Text));

    private sealed class Echo(AsyncDuplexStreamingCall<ProtoMessage, ProtoMessage> call, Metadata headers)
        : GrpcBidirectionalCall<Message, ProtoMessage, Message, ProtoMessage>(call, headers, m => new ProtoMessage(m.Text), p => new Message(p.Text)), IStreamReceiver<Message>;
}
