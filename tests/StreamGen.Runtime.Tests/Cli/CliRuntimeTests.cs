using System.CommandLine;
using System.Net.Http;
using System.Net.Sockets;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Cli;

/// <summary>The command-line runtime alone: NDJSON input, JSON-lines and table output, views, exit codes, transport choice.</summary>
public sealed class CliRuntimeTests
{
    [Fact]
    public async Task Input_lines_are_decoded_and_checked_like_the_servers_and_blank_lines_skipped()
    {
        var items = new List<Note>();
        await foreach (var note in CliInput.ReadAsync(new StringReader("{\"title\":\"a\",\"mood\":\"calm\"}\n\n  \n{\"title\":\"b\"}\n"), TestJson.Default.Note))
        {
            items.Add(note);
        }

        Assert.Equal(["a", "b"], items.Select(n => n.Title));
        Assert.Equal(Mood.Calm, items[0].Mood);
    }

    [Theory]
    [InlineData("{\"title\":\"a\",\"mood\":\"sad\"}", "standard input, line 2: \"mood\" must be one of \"calm\", \"in-a-hurry\", but is \"sad\"")]
    [InlineData("{\"body\":\"no title\"}", "standard input, line 2: \"title\" is missing")]
    [InlineData("null", "standard input, line 2: null is the end of a stream, not an item; close standard input instead")]
    public async Task A_bad_line_is_a_usage_error_naming_its_line_in_the_servers_words(string line, string message)
    {
        var read = async () =>
        {
            await foreach (var _ in CliInput.ReadAsync(new StringReader("{\"title\":\"ok\"}\n" + line + "\n"), Reader))
            {
            }
        };

        var error = await Assert.ThrowsAsync<CliUsageException>(read);
        Assert.Equal(message, error.Message);
    }

    /// <summary>The type info a generated API's reader has: required members checked by the record's rules, not by the serializer.</summary>
    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<Note> Reader { get; } = JsonDecoding.TypeInfo<Note>(JsonDecoding.ReaderOptions(TestJson.Default));

    [Fact]
    public void Json_output_is_one_value_a_line_and_a_view_projects_it()
    {
        var text = new StringWriter { NewLine = "\n" };
        var output = new CliOutput(text, CliOutputFormat.Json);
        output.Write(new Note { Title = "t", Body = "b" }, TestJson.Default.Note);
        output.UseView<Note, NoteView>(NoteView.Brief);
        output.Write(new Note { Title = "t", Body = "b" }, TestJson.Default.Note);
        output.UseView<Note, NoteView>(null);

        Assert.Equal("{\"title\":\"t\",\"body\":\"b\",\"mood\":null}\n{\"title\":\"t\",\"body\":null,\"mood\":null}\n", text.ToString());
    }

    [Fact]
    public void A_table_aligns_a_whole_result_and_unwraps_its_one_array()
    {
        var text = new StringWriter { NewLine = "\n" };
        new CliOutput(text, CliOutputFormat.Table).Write<IReadOnlyList<Note>>([new Note { Title = "short", Mood = Mood.InAHurry }, new Note { Title = "a longer title", Body = "b" }], TestJson.Default.IReadOnlyListNote);

        Assert.Equal(
            """
            title           body  mood
            short                 in-a-hurry
            a longer title  b

            """.ReplaceLineEndings("\n"),
            text.ToString());
    }

    [Fact]
    public void A_streams_table_prints_its_header_once_and_each_row_as_it_arrives()
    {
        var text = new StringWriter { NewLine = "\n" };
        var output = new CliOutput(text, CliOutputFormat.Table);
        output.Write(new Message("first"), TestJson.Default.Message, streaming: true);
        Assert.Equal("text\nfirst\n", text.ToString());
        output.Write(new Message("second"), TestJson.Default.Message, streaming: true);
        Assert.Equal("text\nfirst\nsecond\n", text.ToString());
    }

    public static TheoryData<Exception, int, string> Failures => new()
    {
        { new CliUsageException("--limit is wrong"), CliExitCodes.Usage, "error: --limit is wrong" },
        { new ServiceError("not_found", "no such topic"), CliExitCodes.ServiceError, "not_found: no such topic" },
        { new ValidationException([new ValidationError("invalid_range", "limit", "must be at most 10")]), CliExitCodes.ServiceError, "invalid_range: \"limit\" must be at most 10" },
        { new HttpRequestException("Connection refused", new SocketException(111)), CliExitCodes.Connection, "connection failed: Connection refused" },
        { new ServiceError("unavailable", "Error connecting to subchannel.", temporary: true), CliExitCodes.Connection, "connection failed: Error connecting to subchannel." },
        { new StreamClosedException(null, "connection_lost", "the connection was lost: reset"), CliExitCodes.Connection, "connection failed: the connection was lost: reset" },
        { new StreamClosedException(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, "too_slow", "cut off"), CliExitCodes.ServiceError, "too_slow: cut off" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Failures_map_to_exit_codes_with_one_line(Exception exception, int code, string line)
    {
        var error = new StringWriter { NewLine = "\n" };

        Assert.Equal(code, CliFailures.Report(exception, error));
        Assert.Equal(line + "\n", error.ToString());
    }

    [Theory]
    [InlineData(null, "ws")]
    [InlineData("grpc", "grpc")]
    [InlineData("http", "ws")]
    [InlineData("ws", "ws")]
    public void The_transport_is_the_one_asked_or_the_methods_first(string? requested, string chosen)
    {
        var (parse, options) = Parse(requested);
        using var session = CliSession.Create(parse, options, "logger.watch", ["ws", "grpc"]);

        Assert.Equal(chosen, session.Transport);
        Assert.Equal(chosen == "grpc" ? new Uri("http://localhost:8081") : new Uri("http://localhost:8080"), session.Url);
    }

    [Fact]
    public void A_transport_the_method_is_not_served_over_is_a_usage_error_naming_those_it_is()
    {
        var (parse, options) = Parse("sse");

        var error = Assert.Throws<CliUsageException>(() => CliSession.Create(parse, options, "logger.watch", ["ws", "grpc"]));
        Assert.Equal("logger.watch is not served over sse; it is served over ws and grpc.", error.Message);
    }

    [Fact]
    public async Task A_wrong_command_line_exits_2()
    {
        var root = new RootCommand("test");
        new CliGlobalOptions("http://localhost:8080", null).AddTo(root);
        root.SetAction(_ => 0);

        Assert.Equal(CliExitCodes.Usage, await CliApplication.RunAsync(root, ["--format", "xml"]));
        Assert.Equal(CliExitCodes.Usage, await CliApplication.RunAsync(root, ["--url", "ftp://x"]));
        Assert.Equal(CliExitCodes.Ok, await CliApplication.RunAsync(root, ["--format", "table"]));
    }

    private static (ParseResult Parse, CliGlobalOptions Options) Parse(string? transport)
    {
        var options = new CliGlobalOptions("http://localhost:8080", "http://localhost:8081");
        var root = new RootCommand("test");
        options.AddTo(root);
        return (root.Parse(transport is null ? [] : ["--transport", transport]), options);
    }
}
