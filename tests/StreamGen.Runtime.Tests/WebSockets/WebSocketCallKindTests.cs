using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.WebSockets;

/// <summary>
/// The client end of each stream kind over a WebSocket, talking to the server end of the same kind over an in-memory
/// connection: what the client's operations put on the wire, what it receives, and how it checks what it receives.
/// </summary>
public sealed class WebSocketCallKindTests
{
    private static readonly JsonTypeInfo<Note> NoteReader = JsonDecoding.TypeInfo<Note>(JsonDecoding.ReaderOptions(TestJson.Default));
    private static readonly Func<string, int> ErrorStatus = _ => 0;

    [Fact]
    public async Task A_server_streaming_call_receives_each_result_then_null_at_the_close()
    {
        await using var request = new WebSocketRequest();
        await using var server = new NotesStream(request.Context);
        var serving = server.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            await server.SendAsync(new Note { Title = "a" }, cancellationToken);
            await server.SendAsync(new Note { Title = "b" }, cancellationToken);
        });
        await using var call = new NotesCall(Connection(request, null));
        IStreamReceiver<Note> receiver = call;

        var titles = await receiver.ReadAllAsync().Select(n => n.Title).ToListAsync();

        Assert.Equal(["a", "b"], titles);
        Assert.Null(await receiver.RecvAsync());
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_viewed_call_reads_the_view_of_the_upgrade_and_checks_each_result_against_it()
    {
        await using var request = new WebSocketRequest();
        await using var server = new NotesStream(request.Context);
        var serving = server.ServeAsync(ErrorStatus, cancellationToken => server.SendAsync(new Note { Title = "no body" }, cancellationToken).AsTask());
        await using var full = new ViewedNotesCall(Connection(request, "default"));

        var rejected = await Assert.ThrowsAsync<ValidationException>(async () => await ((IStreamReceiver<Note>)full).RecvAsync());

        Assert.Equal(NoteView.Full, full.View);
        Assert.Equal([("missing_field", "body")], rejected.Errors.Select(e => (e.Name, e.Field)));
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_client_streaming_call_sends_its_messages_then_null_then_a_close_with_1000()
    {
        await using var request = new WebSocketRequest();
        await using var server = new DrainStream(request.Context);
        var titles = new List<string>();
        var serving = server.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            await foreach (var note in ((IStreamReceiver<Note>)server).ReadAllAsync(cancellationToken))
            {
                titles.Add(note.Title);
            }
        });
        await using var call = new DrainCall(Connection(request, null));

        await ((IStreamSender<Note>)call).SendAsync(new Note { Title = "a" });
        await call.SendAsync(new Note { Title = "b", Mood = Mood.InAHurry });
        await ((IStreamCloser)call).CloseAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a", "b"], titles);
    }

    [Fact]
    public async Task A_client_streaming_call_with_a_result_gets_the_result_the_server_sends_before_closing()
    {
        await using var request = new WebSocketRequest();
        await using var server = new TallyStream(request.Context);
        var serving = server.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            var count = await ((IStreamReceiver<Note>)server).ReadAllAsync(cancellationToken).CountAsync(cancellationToken);
            await server.SendAndCloseAsync(count, cancellationToken);
        });
        await using var call = new TallyCall(Connection(request, null));

        await call.SendAsync(new Note { Title = "a" });
        await call.SendAsync(new Note { Title = "b" });
        var result = await ((IStreamResultReceiver<long>)call).CloseAndRecvAsync();

        Assert.Equal(2, result);
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_bidirectional_call_keeps_receiving_after_it_ends_its_own_stream()
    {
        await using var request = new WebSocketRequest();
        await using var server = new EchoStream(request.Context);
        var serving = server.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            var received = await ((IStreamReceiver<Note>)server).ReadAllAsync(cancellationToken).ToListAsync(cancellationToken);
            foreach (var note in received)
            {
                await server.SendAsync(note with { Body = "late" }, cancellationToken);
            }
        });
        await using var call = new EchoCall(Connection(request, null));

        await call.SendAsync(new Note { Title = "a" });
        await call.CloseAsync();
        var echoed = await ((IStreamReceiver<Note>)call).RecvAsync();

        Assert.Equal(("a", "late"), (echoed?.Title, echoed?.Body));
        Assert.Null(await ((IStreamReceiver<Note>)call).RecvAsync());
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static WebSocketConnection Connection(WebSocketRequest request, string? view) => new(request.Client, view, new HttpResponseMessage());

    private sealed class NotesStream(HttpContext context) : WebSocketServerStreamingStream<Note>(context, TestJson.Default.Note);

    private sealed class NotesCall(WebSocketConnection connection) : WebSocketServerStreamingCall<Note>(connection, NoteReader), IStreamReceiver<Note>;

    private sealed class ViewedNotesCall(WebSocketConnection connection)
        : WebSocketViewedServerStreamingCall<Note, NoteView>(connection, NoteReader), IViewedStreamReceiver<Note, NoteView>;

    private sealed class DrainStream(HttpContext context) : WebSocketClientStreamingStream<Note>(context, NoteReader), IStreamReceiver<Note>;

    private sealed class DrainCall(WebSocketConnection connection) : WebSocketClientStreamingCall<Note>(connection, TestJson.Default.Note);

    private sealed class TallyStream(HttpContext context) : WebSocketClientStreamingResultStream<Note, long>(context, NoteReader, TestJson.Default.Int64), IStreamReceiver<Note>;

    private sealed class TallyCall(WebSocketConnection connection) : WebSocketClientStreamingResultCall<Note, long>(connection, TestJson.Default.Note, TestJson.Default.Int64);

    private sealed class EchoStream(HttpContext context) : WebSocketBidirectionalStream<Note, Note>(context, NoteReader, TestJson.Default.Note), IStreamReceiver<Note>;

    private sealed class EchoCall(WebSocketConnection connection) : WebSocketBidirectionalCall<Note, Note>(connection, TestJson.Default.Note, NoteReader), IStreamReceiver<Note>;
}
