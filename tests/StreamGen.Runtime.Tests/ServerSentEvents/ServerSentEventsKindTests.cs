using System.Text;
using Microsoft.AspNetCore.Http;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.ServerSentEvents;

/// <summary>
/// A server-streaming method served as Server-Sent Events, as a generated method binds it: the event lines its
/// attributes fill, the view, the handler run by <c>ServeAsync</c>, and the viewed client end.
/// </summary>
public sealed class ServerSentEventsKindTests
{
    private static readonly Func<string, int> ErrorStatus = name => name == "not_found" ? 404 : 0;

    [Fact]
    public async Task Each_result_is_an_event_whose_lines_come_from_its_attributes()
    {
        var (context, body) = Context();
        await using var stream = new Events(context);

        await stream.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            await ((IStreamSender<Note>)stream).SendAsync(new Note { Title = "t1", Mood = Mood.InAHurry, Body = "b" }, cancellationToken);
            await stream.SendAsync(new Note { Title = "t2" }, cancellationToken);
        });

        Assert.Equal(
            "event: in-a-hurry\ndata: {\"title\":\"t1\",\"body\":null,\"mood\":\"in-a-hurry\"}\nid: t1\nretry: 2\n\ndata: {\"title\":\"t2\",\"body\":null,\"mood\":null}\nid: t2\n\n",
            Encoding.UTF8.GetString(body.ToArray()));
        Assert.Equal("brief", context.Response.Headers["Goa-View"].ToString());
    }

    [Fact]
    public async Task An_error_before_the_first_event_is_a_plain_http_error()
    {
        var (context, _) = Context();
        await using var stream = new Events(context);

        await stream.ServeAsync(ErrorStatus, _ => throw new ServiceError("not_found", "gone"));

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("not_found", context.Response.Headers["goa-error"].ToString());
    }

    [Fact]
    public async Task An_error_after_the_first_event_is_an_error_event()
    {
        var (context, body) = Context();
        await using var stream = new Events(context);

        await stream.ServeAsync(ErrorStatus, async cancellationToken =>
        {
            await stream.OpenAsync(cancellationToken);
            throw new ServiceError("not_found", "gone");
        });

        Assert.StartsWith("event: goa-error\ndata: {\"name\":\"not_found\"", Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewed_client_stream_checks_each_event_against_the_view_of_the_response()
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        response.Headers.Add("Goa-View", "default");
        await using var stream = new ViewedClient(response, new MemoryStream("data: {\"title\":\"t\"}\n\n"u8.ToArray()));

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await ((IStreamReceiver<Note>)stream).RecvAsync());

        Assert.Equal(NoteView.Full, stream.View);
        Assert.Equal("body", error.Errors[0].Field);
    }

    [Fact]
    public async Task A_client_stream_of_a_fixed_view_needs_only_what_that_view_requires()
    {
        await using var stream = new BriefClient(new HttpResponseMessage(), new MemoryStream("data: {\"title\":\"t\"}\n\n"u8.ToArray()));

        Assert.Equal("t", (await ((IStreamReceiver<Note>)stream).RecvAsync())?.Title);
        Assert.Equal(NoteView.Brief, stream.View);
    }

    private static (DefaultHttpContext Context, MemoryStream Body) Context() => HttpContexts.WithResponseBody();

    /// <summary>As generated for <c>serverSentEvents: { id: title, event: mood, retry: ... }</c>, sent in a fixed view.</summary>
    private sealed class Events(HttpContext context) : ViewedServerSentEventsStream<Note, NoteView>(context, TestJson.Default.Note, NoteView.Brief), IServerStream, IStreamSender<Note>
    {
        protected override ServerSentEventFields Fields(Note message) =>
            new(message.Title, message.Mood is { } mood ? Parameters.FormatEnum(mood) : null, message.Mood is null ? null : (long?)(int)message.Mood);
    }

    private sealed class ViewedClient(HttpResponseMessage response, Stream body)
        : ViewedServerSentEventsClientStream<Note, NoteView>(ServerSentEventsConnection.Of(response, body), JsonDecoding.TypeInfo<Note>(JsonDecoding.ReaderOptions(TestJson.Default))), IViewedStreamReceiver<Note, NoteView>;

    private sealed class BriefClient(HttpResponseMessage response, Stream body)
        : ViewedServerSentEventsClientStream<Note, NoteView>(ServerSentEventsConnection.Of(response, body), TestJson.Default.Note, NoteView.Brief), IStreamReceiver<Note>;
}
