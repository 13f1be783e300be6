using System.Net.WebSockets;
using System.Text;

namespace StreamGen.Runtime.Tests.WebSockets;

/// <summary>Close reasons both ways: <c>name: message</c> cut to the 123 bytes a close frame holds, and read back into an error.</summary>
public sealed class StreamClosedExceptionTests
{
    [Fact]
    public void A_short_reason_is_name_colon_message()
    {
        Assert.Equal("not_found: no such topic", StreamClosedException.Reason("not_found", "no such topic"));
    }

    [Theory]
    [InlineData("a", 123)]
    [InlineData("é", 123)]
    [InlineData("€", 123)]
    [InlineData("😀", 123)]
    public void A_long_reason_is_cut_to_123_bytes_on_a_character_boundary(string unit, int limit)
    {
        var reason = StreamClosedException.Reason("fault", string.Concat(Enumerable.Repeat(unit, 200)));

        var bytes = Encoding.UTF8.GetByteCount(reason);
        Assert.InRange(bytes, limit - Encoding.UTF8.GetByteCount(unit) + 1, limit);
        Assert.StartsWith("fault: ", reason, StringComparison.Ordinal);
        Assert.Equal(reason, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(reason)));
        Assert.False(char.IsHighSurrogate(reason[^1]));
    }

    [Fact]
    public void A_reason_of_exactly_123_bytes_is_kept_whole()
    {
        var message = new string('m', 123 - "name: ".Length);

        Assert.Equal("name: " + message, StreamClosedException.Reason("name", message));
    }

    [Fact]
    public void A_close_reason_is_read_back_as_the_error_name_and_message()
    {
        var error = StreamClosedException.FromClose(WebSocketCloseStatus.InternalServerError, "not_found: no such topic: database");

        Assert.Equal(("not_found", "no such topic: database", (WebSocketCloseStatus?)WebSocketCloseStatus.InternalServerError), (error.Name, error.Message, error.CloseStatus));
        Assert.False(error.Temporary);
    }

    [Theory]
    [InlineData(WebSocketCloseStatus.InvalidPayloadData, "invalid_message")]
    [InlineData(WebSocketCloseStatus.PolicyViolation, "policy_violation")]
    [InlineData(WebSocketCloseStatus.MessageTooBig, "message_too_big")]
    [InlineData(WebSocketCloseStatus.EndpointUnavailable, "going_away")]
    [InlineData(WebSocketCloseStatus.InternalServerError, "fault")]
    [InlineData(WebSocketCloseStatus.ProtocolError, "closed")]
    public void A_reason_without_a_name_takes_the_name_of_its_status(WebSocketCloseStatus status, string name)
    {
        var error = StreamClosedException.FromClose(status, "");

        Assert.Equal(name, error.Name);
        Assert.Equal($"stream closed with status {(int)status}", error.Message);
        Assert.Equal(status == WebSocketCloseStatus.EndpointUnavailable, error.Temporary);
    }

    [Fact]
    public void A_connection_dropped_without_a_close_frame_is_connection_lost()
    {
        var error = StreamClosedException.FromClose(null, null);

        Assert.Equal(("connection_lost", (WebSocketCloseStatus?)null), (error.Name, error.CloseStatus));
    }
}
