using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.ServerSentEvents;

/// <summary>The SSE writer's output, byte for byte: fields, data, the response's headers, and errors before and after it starts.</summary>
public sealed class ServerSentEventsStreamTests
{
    private static readonly Func<string, int> ErrorStatus = name => name == "not_found" ? 404 : 0;

    [Fact]
    public async Task Each_message_is_one_event_with_its_fields_then_its_JSON_data()
    {
        var (context, body) = Context();
        await using var stream = new TestEventStream(context);

        await stream.SendAsync(new Message("first"), id: "41", eventName: "log", retry: 1500);
        await stream.SendAsync(new Message("second"));
        await stream.CompleteAsync(null, ErrorStatus);

        Assert.Equal(
            "event: log\ndata: {\"text\":\"first\"}\nid: 41\nretry: 1500\n\n" +
            "data: {\"text\":\"second\"}\n\n",
            Encoding.UTF8.GetString(body.ToArray()));
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("text/event-stream", context.Response.ContentType);
        Assert.Equal("no-cache", context.Response.Headers.CacheControl.ToString());
        Assert.Equal("no", context.Response.Headers["X-Accel-Buffering"].ToString());
    }

    [Fact]
    public async Task A_field_value_that_cannot_travel_in_an_SSE_field_is_refused_at_send_time_and_nothing_is_written()
    {
        var (context, body) = Context();
        await using var stream = new TestEventStream(context);

        var id = await Assert.ThrowsAsync<ValidationException>(async () => await stream.SendAsync(new Message("x"), id: "1\ndata: injected", eventName: null));
        var eventName = await Assert.ThrowsAsync<ValidationException>(async () => await stream.SendAsync(new Message("x"), id: null, eventName: "a\r\nb"));
        var nul = await Assert.ThrowsAsync<ValidationException>(async () => await stream.SendAsync(new Message("x"), id: "a\0b", eventName: null));
        var reserved = await Assert.ThrowsAsync<ValidationException>(async () => await stream.SendAsync(new Message("x"), id: null, eventName: ServerSentEventFields.ErrorEventType));
        await stream.SendAsync(new Message("multi\nline"), id: "1", eventName: "a");

        Assert.Equal(("invalid_format", "id"), (id.Errors[0].Name, id.Errors[0].Field));
        Assert.Equal("event", eventName.Errors[0].Field);
        Assert.Equal("id", nul.Errors[0].Field);
        Assert.Equal(("invalid_format", "event"), (reserved.Errors[0].Name, reserved.Errors[0].Field));
        Assert.Equal("event: a\ndata: {\"text\":\"multi\\nline\"}\nid: 1\n\n", Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task The_view_is_a_response_header_and_cannot_change_once_events_flow()
    {
        var (context, _) = Context();
        await using var stream = new TestEventStream(context);

        stream.SetView("tiny");
        await stream.OpenAsync();

        Assert.Equal("tiny", context.Response.Headers["Goa-View"].ToString());
        Assert.Throws<InvalidOperationException>(() => stream.SetView("default"));
    }

    [Fact]
    public async Task A_design_error_after_the_first_event_is_an_error_event_with_the_error_body()
    {
        var (context, body) = Context();
        await using var stream = new TestEventStream(context);
        await stream.SendAsync(new Message("one"));

        await stream.CompleteAsync(new ServiceError("not_found", "no such topic", temporary: true), ErrorStatus);

        var text = Encoding.UTF8.GetString(body.ToArray());
        const string prefix = "data: {\"text\":\"one\"}\n\nevent: goa-error\ndata: ";
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
        using var error = JsonDocument.Parse(text[prefix.Length..^2]);
        Assert.Equal(("not_found", "no such topic", true, false), (
            error.RootElement.GetProperty("name").GetString(),
            error.RootElement.GetProperty("message").GetString(),
            error.RootElement.GetProperty("temporary").GetBoolean(),
            error.RootElement.GetProperty("fault").GetBoolean()));
        Assert.Equal(200, context.Response.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_exception_after_the_first_event_is_a_fault_event_without_internals()
    {
        var (context, body) = Context();
        await using var stream = new TestEventStream(context);
        await stream.SendAsync(new Message("one"));

        await stream.CompleteAsync(new InvalidOperationException("secret"), ErrorStatus);

        var text = Encoding.UTF8.GetString(body.ToArray());
        Assert.Contains("event: goa-error\ndata: {\"name\":\"fault\",", text, StringComparison.Ordinal);
        Assert.Contains("\"message\":\"internal error\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_before_the_first_event_is_a_plain_HTTP_error()
    {
        var (context, body) = Context();
        await using var stream = new TestEventStream(context);

        await stream.CompleteAsync(new ServiceError("not_found", "no such topic"), ErrorStatus);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("application/json", context.Response.ContentType);
        Assert.Equal("not_found", context.Response.Headers["goa-error"].ToString());
        using var error = JsonDocument.Parse(body.ToArray());
        Assert.Equal("no such topic", error.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_stream_that_sends_nothing_and_succeeds_is_an_empty_event_stream()
    {
        var (context, body) = Context();
        await using var stream = new TestEventStream(context);

        await stream.CompleteAsync(null, ErrorStatus);

        Assert.Equal((200, "text/event-stream", 0L), (context.Response.StatusCode, context.Response.ContentType, body.Length));
    }

    private static (DefaultHttpContext Context, MemoryStream Body) Context() => HttpContexts.WithResponseBody();
}
