using System.Text;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.ServerSentEvents;

/// <summary>The SSE client's parser: events split over lines, comments, ids to resume from, error events and bad data.</summary>
public sealed class ServerSentEventsClientStreamTests
{
    [Fact]
    public async Task Events_are_decoded_in_order_and_the_last_id_is_kept()
    {
        await using var stream = Stream(": a comment\n\nid: 7\nevent: log\ndata: {\"text\":\"one\"}\n\ndata:{\"text\":\"two\"}\nid: 8\n\n\n");

        var messages = new List<string>();
        await foreach (var message in stream.ReadAllAsync())
        {
            messages.Add(message.Text);
        }

        Assert.Equal(["one", "two"], messages);
        Assert.Equal("8", stream.LastEventId);
        Assert.Equal("tiny", stream.View);
    }

    [Fact]
    public async Task Data_over_several_lines_is_joined_with_line_feeds()
    {
        await using var stream = Stream("data: {\"text\":\ndata: \"joined\"}\n\n");

        Assert.Equal("joined", (await stream.RecvAsync())!.Text);
        Assert.Null(await stream.RecvAsync());
    }

    [Fact]
    public async Task An_error_event_is_thrown_as_the_service_error_it_carries_and_ends_the_stream()
    {
        await using var stream = Stream("data: {\"text\":\"one\"}\n\nevent: goa-error\ndata: {\"name\":\"not_found\",\"id\":\"abc\",\"message\":\"gone\",\"temporary\":true,\"timeout\":false,\"fault\":false}\n\ndata: {\"text\":\"never\"}\n\n");

        var first = await stream.RecvAsync();
        var error = await Assert.ThrowsAsync<ServiceError>(async () => await stream.RecvAsync());

        Assert.Equal("one", first!.Text);
        Assert.Equal(("not_found", "abc", "gone", true), (error.Name, error.Id, error.Message, error.Temporary));
        Assert.Null(await stream.RecvAsync());
    }

    [Fact]
    public async Task A_message_whose_event_type_is_error_is_a_message_not_the_servers_error()
    {
        // The logger's events carry event: <level>, and "error" is a level: only goa-error is the server's error event.
        await using var stream = Stream("event: error\ndata: {\"text\":\"disk full\"}\n\nevent: info\ndata: {\"text\":\"next\"}\n\n");

        Assert.Equal("disk full", (await stream.RecvAsync())!.Text);
        Assert.Equal("next", (await stream.RecvAsync())!.Text);
        Assert.Null(await stream.RecvAsync());
    }

    [Theory]
    [InlineData("data: {not json}\n\n", "decode_payload")]
    [InlineData("data: {}\n\n", "missing_field")]
    [InlineData("data: null\n\n", "decode_payload")]
    public async Task Data_that_is_not_a_valid_message_is_a_validation_error(string events, string name)
    {
        await using var stream = Stream(events);

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await stream.RecvAsync());

        Assert.Equal(name, error.Name);
    }

    private static TestEventClientStream Stream(string events)
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        response.Headers.Add("Goa-View", "tiny");
        return new TestEventClientStream(response, new MemoryStream(Encoding.UTF8.GetBytes(events)));
    }
}
