using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.WebSockets;

/// <summary>
/// The server end of each stream kind over a WebSocket, as a generated method uses it: one declaration binding the kind
/// to the method's types, and <c>ServeAsync</c> running the handler. What the client sees is read frame by frame.
/// </summary>
public sealed class WebSocketStreamKindTests
{
    private static readonly JsonTypeInfo<Note> NoteReader = JsonDecoding.TypeInfo<Note>(JsonDecoding.ReaderOptions(TestJson.Default));
    private static readonly Func<string, int> ErrorStatus = name => name == "not_found" ? 404 : 0;

    [Fact]
    public async Task A_request_that_is_not_an_upgrade_gets_426_and_the_handler_never_runs()
    {
        await using var request = new WebSocketRequest(upgrade: false);
        await using var stream = new Notes(request.Context);
        var ran = false;

        await stream.ServeAsync(ErrorStatus, _ => Task.FromResult(ran = true));

        Assert.False(ran);
        Assert.Equal(426, request.Context.Response.StatusCode);
        Assert.Equal("websocket", request.Context.Response.Headers.Upgrade.ToString());
        Assert.Equal("upgrade_required", request.Context.Response.Headers["goa-error"].ToString());
        Assert.Contains("\"name\":\"upgrade_required\"", request.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_stream_sends_each_result_as_a_text_frame_and_ends_with_1000()
    {
        await using var request = new WebSocketRequest();
        await using var stream = new Notes(request.Context);
        CancellationToken handlerToken = default;

        var serving = stream.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            handlerToken = cancellationToken;
            await ((IStreamSender<Note>)stream).SendAsync(new Note { Title = "one", Body = "b" }, cancellationToken);
            await stream.SendAsync(new Note { Title = "two" }, cancellationToken);
        });

        Assert.Equal("""{"title":"one","body":"b","mood":null}""", (await request.ClientReceivesAsync()).Text);
        Assert.Equal("""{"title":"two","body":null,"mood":null}""", (await request.ClientReceivesAsync()).Text);
        Assert.Equal(1000, (await request.ClientReceivesAsync()).CloseStatus);
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(stream.Aborted, handlerToken);
    }

    [Fact]
    public async Task A_viewed_stream_names_the_chosen_view_in_the_upgrade_and_sends_each_result_in_it()
    {
        await using var request = new WebSocketRequest();
        await using var stream = new ViewedNotes(request.Context);

        var serving = stream.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            ((IViewedStreamSender<Note, NoteView>)stream).SetView(NoteView.Brief);
            await stream.SendAsync(new Note { Title = "t", Body = "left out" }, cancellationToken);
        });

        Assert.Equal("""{"title":"t","body":null,"mood":null}""", (await request.ClientReceivesAsync()).Text);
        await request.ClientReceivesAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("brief", request.Context.Response.Headers["Goa-View"].ToString());
    }

    [Fact]
    public async Task A_view_the_method_fixes_is_sent_without_the_handler_choosing_it()
    {
        await using var request = new WebSocketRequest();
        await using var stream = new BriefNotes(request.Context);

        var serving = stream.ServeAsync(ErrorStatus, cancellationToken => stream.SendAsync(new Note { Title = "t", Body = "left out" }, cancellationToken).AsTask());

        Assert.Equal("""{"title":"t","body":null,"mood":null}""", (await request.ClientReceivesAsync()).Text);
        await request.ClientReceivesAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("brief", request.Context.Response.Headers["Goa-View"].ToString());
    }

    [Fact]
    public async Task A_client_stream_with_a_result_reads_every_message_then_sends_the_result_before_closing()
    {
        await using var request = new WebSocketRequest();
        await using var stream = new Tally(request.Context);
        var titles = new List<string>();

        var serving = stream.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            await foreach (var note in ((IStreamReceiver<Note>)stream).ReadAllAsync(cancellationToken))
            {
                titles.Add(note.Title);
            }

            await ((IStreamResultSender<long>)stream).SendAndCloseAsync(titles.Count, cancellationToken);
        });
        await request.ClientSendsAsync("""{"title":"a"}""");
        await request.ClientSendsAsync("""{"title":"b","mood":"calm"}""");
        await request.ClientSendsAsync("null");

        Assert.Equal("2", (await request.ClientReceivesAsync()).Text);
        Assert.Equal(1000, (await request.ClientReceivesAsync()).CloseStatus);
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["a", "b"], titles);
    }

    [Fact]
    public async Task A_client_stream_without_a_result_ends_when_the_handler_returns()
    {
        await using var request = new WebSocketRequest();
        await using var stream = new Drain(request.Context);
        Note? received = null;

        var serving = stream.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            received = await ((IStreamReceiver<Note>)stream).RecvAsync(cancellationToken);
            Assert.Null(await ((IStreamReceiver<Note>)stream).RecvAsync(cancellationToken));
        });
        await request.ClientSendsAsync("""{"title":"a"}""");
        await request.ClientSendsAsync("null");

        Assert.Equal(1000, (await request.ClientReceivesAsync()).CloseStatus);
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("a", received?.Title);
    }

    [Theory]
    [InlineData("""{"body":"no title"}""", "missing_field: \"title\" is missing")]
    [InlineData("""{"title":"t","mood":"angry"}""", "invalid_enum_value: \"mood\" must be one of \"calm\", \"in-a-hurry\", but is \"angry\"")]
    public async Task A_received_message_is_checked_against_its_type_and_a_bad_one_closes_with_1007(string message, string reason)
    {
        await using var request = new WebSocketRequest();
        await using var stream = new Echo(request.Context);
        Exception? seen = null;

        var serving = stream.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            seen = await Record.ExceptionAsync(async () => await ((IStreamReceiver<Note>)stream).RecvAsync(cancellationToken));
        });
        await request.ClientSendsAsync(message);

        var close = await request.ClientReceivesAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((1007, reason), (close.CloseStatus, close.CloseReason));
        Assert.IsType<ValidationException>(seen);
    }

    [Fact]
    public async Task A_bidirectional_stream_sends_and_receives_at_once()
    {
        await using var request = new WebSocketRequest();
        await using var stream = new Echo(request.Context);

        var serving = stream.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            await foreach (var note in ((IStreamReceiver<Note>)stream).ReadAllAsync(cancellationToken))
            {
                await stream.SendAsync(note with { Body = "echo" }, cancellationToken);
            }
        });
        await request.ClientSendsAsync("""{"title":"a"}""");
        var echoed = await request.ClientReceivesAsync();
        await request.ClientSendsAsync("null");

        Assert.Equal("""{"title":"a","body":"echo","mood":null}""", echoed.Text);
        Assert.Equal(1000, (await request.ClientReceivesAsync()).CloseStatus);
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_error_before_the_first_stream_operation_is_a_plain_http_error_with_the_design_status()
    {
        await using var request = new WebSocketRequest();
        await using var stream = new Notes(request.Context);

        await stream.ServeAsync(ErrorStatus, _ => throw new ServiceError("not_found", "no such topic"));

        Assert.False(request.Upgrade.Upgraded);
        Assert.Equal(404, request.Context.Response.StatusCode);
        Assert.Contains("\"message\":\"no such topic\"", request.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_after_the_upgrade_closes_with_1011_and_the_error_name()
    {
        await using var request = new WebSocketRequest();
        await using var stream = new Notes(request.Context);

        var serving = stream.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            await stream.OpenAsync(cancellationToken);
            throw new ServiceError("not_found", "gone");
        });

        var close = await request.ClientReceivesAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((1011, "not_found: gone"), (close.CloseStatus, close.CloseReason));
    }

    private sealed class Notes(HttpContext context) : WebSocketServerStreamingStream<Note>(context, TestJson.Default.Note), IServerStream, IStreamSender<Note>;

    private sealed class ViewedNotes(HttpContext context) : WebSocketViewedServerStreamingStream<Note, NoteView>(context, TestJson.Default.Note), IViewedStreamSender<Note, NoteView>;

    private sealed class BriefNotes(HttpContext context) : WebSocketViewedServerStreamingStream<Note, NoteView>(context, TestJson.Default.Note, NoteView.Brief);

    private sealed class Tally(HttpContext context) : WebSocketClientStreamingResultStream<Note, long>(context, NoteReader, TestJson.Default.Int64), IStreamReceiver<Note>;

    private sealed class Drain(HttpContext context) : WebSocketClientStreamingStream<Note>(context, NoteReader), IStreamReceiver<Note>;

    private sealed class Echo(HttpContext context) : WebSocketBidirectionalStream<Note, Note>(context, NoteReader, TestJson.Default.Note), IStreamReceiver<Note>;
}
