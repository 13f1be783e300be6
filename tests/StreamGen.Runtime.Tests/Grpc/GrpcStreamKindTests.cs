using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Grpc;

/// <summary>
/// The server end of each streaming RPC kind, as a generated RPC override uses it: the handler runs with the call's
/// token, what it sent is written before the call ends, its error becomes the call's status, and a client stream's
/// result (or the empty response) is what the RPC returns.
/// </summary>
public sealed class GrpcStreamKindTests
{
    private static readonly Func<string, StatusCode?> ErrorStatus = name => name == "not_found" ? StatusCode.NotFound : null;

    [Fact]
    public async Task A_server_stream_writes_every_result_before_the_call_ends()
    {
        var responses = new FakeServerStreamWriter<ProtoMessage>();
        var stream = new Notes(responses, new FakeServerCallContext());

        await stream.ServeAsync(ErrorStatus, NullLogger.Instance, async cancellationToken =>
        {
            await ((IStreamSender<Message>)stream).SendAsync(new Message("one"), cancellationToken);
            await stream.SendAsync(new Message("two"), cancellationToken);
        });

        Assert.Equal(["one", "two"], responses.Written.Select(w => w.Message.Text));
    }

    [Fact]
    public async Task A_handler_error_is_the_status_the_design_maps_it_to_with_its_name_in_the_trailers()
    {
        var stream = new Notes(new FakeServerStreamWriter<ProtoMessage>(), new FakeServerCallContext());

        var error = await Assert.ThrowsAsync<RpcException>(() => stream.ServeAsync(ErrorStatus, NullLogger.Instance, _ => throw new ServiceError("not_found", "no such topic")));

        Assert.Equal((StatusCode.NotFound, "no such topic"), (error.StatusCode, error.Status.Detail));
        Assert.Equal("not_found", error.Trailers.GetValue("goa-error"));
    }

    [Fact]
    public async Task A_viewed_stream_names_its_view_in_the_response_headers_and_projects_each_result()
    {
        var context = new FakeServerCallContext();
        var responses = new FakeServerStreamWriter<ProtoMessage>();
        var stream = new ViewedNotes(responses, context);

        await stream.ServeAsync(ErrorStatus, NullLogger.Instance, cancellationToken =>
        {
            ((IViewedStreamSender<Note, NoteView>)stream).SetView(NoteView.Brief);
            return stream.SendAsync(new Note { Title = "t", Body = "left out" }, cancellationToken).AsTask();
        });

        Assert.Equal("brief", Assert.Single(context.ResponseHeaders).GetValue("goa-view"));
        Assert.Equal("t|", Assert.Single(responses.Written).Message.Text);
    }

    [Fact]
    public async Task A_client_stream_with_a_result_answers_with_the_result_the_handler_sent()
    {
        var requests = new FakeStreamReader<ProtoMessage>();
        requests.Add(new ProtoMessage("a"));
        requests.Add(new ProtoMessage("b"));
        requests.End();
        var stream = new Tally(requests, new FakeServerCallContext());

        var response = await stream.ServeAsync(ErrorStatus, NullLogger.Instance, async cancellationToken =>
        {
            var texts = await ((IStreamReceiver<Message>)stream).ReadAllAsync(cancellationToken).Select(m => m.Text).ToListAsync(cancellationToken);
            await ((IStreamResultSender<Message>)stream).SendAndCloseAsync(new Message(string.Join(",", texts)), cancellationToken);
        });

        Assert.Equal(new ProtoMessage("a,b"), response);
    }

    [Fact]
    public async Task A_client_stream_handler_that_returns_without_a_result_fails_the_call()
    {
        var requests = new FakeStreamReader<ProtoMessage>();
        requests.End();
        var stream = new Tally(requests, new FakeServerCallContext());

        var error = await Assert.ThrowsAsync<RpcException>(() => stream.ServeAsync(ErrorStatus, NullLogger.Instance, _ => Task.CompletedTask));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal("fault", error.Trailers.GetValue("goa-error"));
    }

    [Fact]
    public async Task A_client_stream_without_a_result_answers_with_the_empty_response()
    {
        var requests = new FakeStreamReader<ProtoMessage>();
        requests.Add(new ProtoMessage("a"));
        requests.End();
        var stream = new Drain(requests, new FakeServerCallContext());
        Message? received = null;

        var response = await stream.ServeAsync(ErrorStatus, NullLogger.Instance, async cancellationToken => received = await ((IStreamReceiver<Message>)stream).RecvAsync(cancellationToken));

        Assert.Equal("a", received?.Text);
        Assert.IsType<EmptyResponse>(response);
    }

    [Fact]
    public async Task A_received_message_that_breaks_its_rules_is_invalid_argument()
    {
        var requests = new FakeStreamReader<ProtoMessage>();
        requests.Add(new ProtoMessage(""));
        var stream = new Echo(requests, new FakeServerStreamWriter<ProtoMessage>(), new FakeServerCallContext());

        var error = await Assert.ThrowsAsync<RpcException>(() => stream.ServeAsync(ErrorStatus, NullLogger.Instance, async cancellationToken =>
        {
            await foreach (var note in ((IStreamReceiver<Note>)stream).ReadAllAsync(cancellationToken))
            {
                await stream.SendAsync(note, cancellationToken);
            }
        }));

        Assert.Equal((StatusCode.InvalidArgument, "missing_field"), (error.StatusCode, error.Trailers.GetValue("goa-error")));
    }

    [Fact]
    public async Task A_bidirectional_stream_sends_and_receives_at_once()
    {
        var requests = new FakeStreamReader<ProtoMessage>();
        requests.Add(new ProtoMessage("a"));
        requests.End();
        var responses = new FakeServerStreamWriter<ProtoMessage>();
        var stream = new Echo(requests, responses, new FakeServerCallContext());

        await stream.ServeAsync(ErrorStatus, NullLogger.Instance, async cancellationToken =>
        {
            await foreach (var note in ((IStreamReceiver<Note>)stream).ReadAllAsync(cancellationToken))
            {
                await stream.SendAsync(note with { Body = "echo" }, cancellationToken);
            }
        });

        Assert.Equal("a|echo", Assert.Single(responses.Written).Message.Text);
    }

    private static Note ToNote(ProtoMessage message) => new() { Title = message.Text.Length == 0 ? null! : message.Text };

    private static ProtoMessage FromNote(Note note) => new($"{note.Title}|{note.Body}");

    private sealed class Notes(IServerStreamWriter<ProtoMessage> responses, ServerCallContext context)
        : GrpcServerStreamingStream<Message, ProtoMessage>(responses, context, m => new ProtoMessage(m.Text));

    private sealed class ViewedNotes(IServerStreamWriter<ProtoMessage> responses, ServerCallContext context)
        : GrpcViewedServerStreamingStream<Note, ProtoMessage, NoteView>(responses, context, FromNote);

    private sealed class Tally(IAsyncStreamReader<ProtoMessage> requests, ServerCallContext context)
        : GrpcClientStreamingResultStream<Message, ProtoMessage, Message, ProtoMessage>(requests, context, p => new Message(p.Text), m => new ProtoMessage(m.Text)), IStreamReceiver<Message>;

    private sealed class Drain(IAsyncStreamReader<ProtoMessage> requests, ServerCallContext context)
        : GrpcClientStreamingStream<Message, ProtoMessage, EmptyResponse>(requests, context, p => new Message(p.Text)), IStreamReceiver<Message>;

    /// <summary>Stands for protoc's empty response message.</summary>
    private sealed class EmptyResponse;

    private sealed class Echo(IAsyncStreamReader<ProtoMessage> requests, IServerStreamWriter<ProtoMessage> responses, ServerCallContext context)
        : GrpcBidirectionalStream<Note, ProtoMessage, Note, ProtoMessage>(requests, responses, context, ToNote, FromNote), IStreamReceiver<Note>;
}
