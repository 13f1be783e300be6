using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.JsonLines;

/// <summary>The JSON Lines server stream's bytes: one value a line, its headers, errors before and after the first line.</summary>
public sealed class JsonLinesStreamTests
{
    private static readonly Func<string, int> ErrorStatus = name => name == "not_found" ? 404 : 0;

    [Fact]
    public async Task Each_message_is_one_compact_JSON_line_and_the_response_says_ndjson()
    {
        var (context, body) = HttpContexts.WithResponseBody();
        await using var stream = new TestLinesStream(context);

        await stream.SendAsync(new Message("first\nline"));
        await stream.SendAsync(new Message("second"));
        await stream.CompleteAsync(null, ErrorStatus);

        Assert.Equal("{\"text\":\"first\\nline\"}\n{\"text\":\"second\"}\n", Encoding.UTF8.GetString(body.ToArray()));
        Assert.Equal((200, "application/x-ndjson", "no-cache"), (context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.CacheControl.ToString()));
    }

    [Fact]
    public async Task An_error_before_the_first_line_is_a_plain_HTTP_error()
    {
        var (context, body) = HttpContexts.WithResponseBody();
        await using var stream = new TestLinesStream(context);

        await stream.CompleteAsync(new ServiceError("not_found", "no such topic"), ErrorStatus);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Contains("\"name\":\"not_found\"", Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_after_the_first_line_aborts_the_connection_instead_of_ending_it_cleanly()
    {
        var (context, body) = HttpContexts.WithResponseBody();
        var aborted = false;
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestLifetimeFeature>(new AbortRecorder(() => aborted = true));
        await using var stream = new TestLinesStream(context);
        await stream.SendAsync(new Message("one"));

        await stream.CompleteAsync(new ServiceError("not_found", "gone meanwhile"), ErrorStatus);

        Assert.True(aborted);
        Assert.Equal("{\"text\":\"one\"}\n", Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task The_heartbeat_of_an_idle_stream_is_an_empty_line_from_the_first_byte()
    {
        var (context, body) = HttpContexts.WithResponseBody();
        context.RequestServices = new ServiceCollection()
            .AddLogging()
            .Configure<StreamGenWebSocketOptions>(o => o.SseHeartbeat = TimeSpan.FromMilliseconds(40))
            .BuildServiceProvider();
        await using var stream = new TestLinesStream(context);

        await stream.ServeAsync(ErrorStatus, async token =>
        {
            await Task.Delay(300, token);
            await stream.SendAsync(new Message("late"), token);
        });

        var text = Encoding.UTF8.GetString(body.ToArray());
        Assert.StartsWith("\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n{\"text\":\"late\"}\n", text, StringComparison.Ordinal);
        Assert.Equal("", text[..text.IndexOf('{', StringComparison.Ordinal)].Trim('\n'));
    }

    private sealed class TestLinesStream(HttpContext context) : JsonLinesStream<Message>(context, TestJson.Default.Message);

    private sealed class AbortRecorder(Action onAbort) : Microsoft.AspNetCore.Http.Features.IHttpRequestLifetimeFeature
    {
        public CancellationToken RequestAborted { get; set; }

        public void Abort() => onAbort();
    }
}
