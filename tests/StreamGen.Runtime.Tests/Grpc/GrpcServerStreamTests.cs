using Grpc.Core;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Grpc;

/// <summary>
/// The server stream adapter over grpc-dotnet's reader and writer: headers at the first operation, one writer that writes
/// what was queued during a write as one batch (BufferHint on all but its last message), the queue limit that makes
/// senders wait, failures of the writer, and conversion and validation of received messages.
/// </summary>
public sealed class GrpcServerStreamTests
{
    [Fact]
    public async Task Response_headers_are_written_once_at_the_first_send_with_the_view()
    {
        var context = new FakeServerCallContext();
        var responses = new FakeServerStreamWriter<ProtoMessage>();
        var stream = new TestGrpcServerStream(null, responses, context);

        stream.SetView("tiny");
        await stream.SendAsync("one");
        await stream.SendAsync("two");
        await stream.CompleteAsync();

        var headers = Assert.Single(context.ResponseHeaders);
        Assert.Equal("tiny", headers.GetValue("goa-view"));
        Assert.Equal(["one", "two"], responses.Written.Select(w => w.Message.Text));
        Assert.Throws<InvalidOperationException>(() => stream.SetView("default"));
    }

    [Fact]
    public async Task Messages_queued_during_a_write_are_written_as_one_batch_flushed_by_its_last_message()
    {
        var responses = new FakeServerStreamWriter<ProtoMessage>();
        var stream = new TestGrpcServerStream(null, responses, new FakeServerCallContext());
        responses.Hold();

        await stream.SendAsync("first");
        await responses.NextWriteAsync();
        for (var i = 0; i < 5; i++)
        {
            await stream.SendAsync($"queued {i}");
        }

        Assert.Single(responses.Written);
        responses.Release();
        await stream.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["first", "queued 0", "queued 1", "queued 2", "queued 3", "queued 4"], responses.Written.Select(w => w.Message.Text));
        Assert.Equal(
            [default, WriteFlags.BufferHint, WriteFlags.BufferHint, WriteFlags.BufferHint, WriteFlags.BufferHint, default],
            responses.Written.Select(w => w.Flags));
    }

    [Fact]
    public async Task Senders_wait_when_1024_messages_are_queued_and_go_on_when_the_writer_catches_up()
    {
        var responses = new FakeServerStreamWriter<ProtoMessage>();
        var stream = new TestGrpcServerStream(null, responses, new FakeServerCallContext());
        responses.Hold();
        await stream.SendAsync("in flight");
        await responses.NextWriteAsync();

        var queued = Enumerable.Range(0, 1024).Select(i => stream.SendAsync($"m{i}")).ToList();
        var waiting = stream.SendAsync("m1024");
        var completing = stream.CompleteAsync();

        Assert.All(queued, s => Assert.True(s.IsCompletedSuccessfully));
        Assert.False(waiting.IsCompleted);
        Assert.False(completing.IsCompleted);
        responses.Release();
        await completing.WaitAsync(TimeSpan.FromSeconds(10));
        await waiting.AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        // As a handler does: CompleteAsync once its sends have returned waits for every one of them.
        await stream.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["in flight", .. Enumerable.Range(0, 1025).Select(i => $"m{i}")], responses.Written.Select(w => w.Message.Text));
    }

    [Fact]
    public async Task A_waiting_sender_can_give_up_with_its_token()
    {
        var responses = new FakeServerStreamWriter<ProtoMessage>();
        var stream = new TestGrpcServerStream(null, responses, new FakeServerCallContext());
        responses.Hold();
        await stream.SendAsync("in flight");
        await responses.NextWriteAsync();
        for (var i = 0; i < 1024; i++)
        {
            await stream.SendAsync($"m{i}");
        }

        using var cancel = new CancellationTokenSource();
        var waiting = stream.SendAsync("given up", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        responses.Release();
        await stream.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(responses.Written, w => w.Message.Text == "given up");
    }

    [Fact]
    public async Task A_failed_write_is_reported_to_the_next_sender_and_to_CompleteAsync()
    {
        var failure = new RpcException(new Status(StatusCode.Cancelled, "the client went away"));
        var responses = new FakeServerStreamWriter<ProtoMessage> { FailWith = failure };
        var stream = new TestGrpcServerStream(null, responses, new FakeServerCallContext());

        await stream.SendAsync("lost");
        var completed = await Assert.ThrowsAsync<RpcException>(() => stream.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        var next = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            // The queue takes sends until it is full; the failure surfaces once a sender has to wait, or at once when
            // the writer has already failed.
            for (var i = 0; i < 2000; i++)
            {
                await stream.SendAsync($"after {i}");
            }
        });

        Assert.Same(failure, completed);
        Assert.Same(failure, next);
    }

    [Fact]
    public async Task Received_messages_are_converted_and_validated_and_the_end_is_null()
    {
        var context = new FakeServerCallContext();
        var requests = new FakeStreamReader<ProtoMessage>();
        var stream = new TestGrpcServerStream(requests, new FakeServerStreamWriter<ProtoMessage>(), context);
        requests.Add(new ProtoMessage("one"));
        requests.Add(new ProtoMessage("two"));
        requests.End();

        var received = new List<string>();
        await foreach (var message in stream.ReadAllAsync())
        {
            received.Add(message.Text);
        }

        Assert.Equal(["one", "two"], received);
        Assert.Null(await stream.RecvAsync());
        Assert.Single(context.ResponseHeaders);
    }

    [Fact]
    public async Task A_received_message_that_breaks_a_design_rule_is_a_validation_error()
    {
        var requests = new FakeStreamReader<ProtoMessage>();
        var stream = new TestGrpcServerStream(requests, null, new FakeServerCallContext());
        requests.Add(new ProtoMessage(""));

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await stream.RecvAsync());

        Assert.Equal(("invalid_length", "text"), (error.Name, error.Errors[0].Field));
    }

    [Fact]
    public async Task A_message_not_yet_arrived_is_awaited()
    {
        var requests = new FakeStreamReader<ProtoMessage>();
        var stream = new TestGrpcServerStream(requests, null, new FakeServerCallContext());
        await stream.OpenAsync();

        var pending = stream.RecvAsync();
        Assert.False(pending.IsCompleted);
        requests.Add(new ProtoMessage("late"));

        Assert.Equal("late", await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
