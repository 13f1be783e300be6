using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.JsonLines;

/// <summary>The NDJSON reader over a pipe: line ends, blank heartbeat lines, the last line, the line limit and the first bad line.</summary>
public sealed class JsonLinesReaderTests
{
    [Fact]
    public async Task Lines_end_at_LF_or_CRLF_blank_lines_are_skipped_and_the_last_line_needs_no_end()
    {
        var reader = Reader("{\"text\":\"a\"}\n\n  \r\n{\"text\":\"b\"}\r\n\n{\"text\":\"c\"}");

        Assert.Equal(["a", "b", "c"], await ReadAllAsync(reader));
        Assert.Equal(3, reader.Count);
    }

    [Fact]
    public async Task Values_split_across_many_small_writes_are_read_whole()
    {
        var pipe = new Pipe();
        var reader = new JsonLinesReader<Message>(pipe.Reader, TestJson.Default.Message, 1024);
        var text = Encoding.UTF8.GetBytes("{\"text\":\"héllo\"}\n{\"text\":\"wörld\"}\n");
        var writing = Task.Run(async () =>
        {
            foreach (var b in text)
            {
                await pipe.Writer.WriteAsync(new[] { b });
            }

            await pipe.Writer.CompleteAsync();
        });

        Assert.Equal(["héllo", "wörld"], await ReadAllAsync(reader));
        await writing;
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_message_too_big_before_it_is_all_buffered()
    {
        var pipe = new Pipe();
        var reader = new JsonLinesReader<Message>(pipe.Reader, TestJson.Default.Message, 64);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 100)));

        // The writer has not finished the line (nor the body): the reader refuses it already.
        var error = await Assert.ThrowsAsync<ServiceError>(async () => await reader.ReadAsync());

        Assert.Equal("message_too_big", error.Name);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_line_over_the_limit_is_refused_too()
    {
        var reader = Reader("{\"text\":\"ok\"}\n{\"text\":\"" + new string('x', 100) + "\"}\n", maxLineLength: 64);

        Assert.Equal("ok", (await reader.ReadAsync()).Value!.Text);
        Assert.Equal("message_too_big", (await Assert.ThrowsAsync<ServiceError>(async () => await reader.ReadAsync())).Name);
    }

    [Fact]
    public async Task The_first_bad_line_ends_the_reading_and_nothing_after_it_is_consumed()
    {
        var pipe = new Pipe();
        var reader = new JsonLinesReader<Message>(pipe.Reader, TestJson.Default.Message, 1024);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("{\"text\":\"one\"}\n{not json}\n{\"text\":\"after\"}\n"));

        Assert.Equal("one", (await reader.ReadAsync()).Value!.Text);
        var error = await Assert.ThrowsAsync<ValidationException>(async () => await reader.ReadAsync());
        Assert.False((await reader.ReadAsync()).HasValue);

        // What follows the bad line is still in the pipe, unread.
        var rest = await pipe.Reader.ReadAsync();
        Assert.Equal("{\"text\":\"after\"}\n", Encoding.UTF8.GetString(rest.Buffer.ToArray()));
        Assert.NotNull(error.Message);
    }

    [Fact]
    public async Task A_line_that_fails_validation_is_a_validation_error_and_null_is_not_a_value()
    {
        var invalid = Reader("{\"text\":\"x\"}\n", validate: static (Message m, ref ValidationErrors? errors) =>
            (errors ??= new ValidationErrors()).Add("invalid_length", "text", "too short"));
        var nothing = Reader("null\n");

        Assert.Equal("invalid_length", (await Assert.ThrowsAsync<ValidationException>(async () => await invalid.ReadAsync())).Errors[0].Name);
        Assert.Equal("line", (await Assert.ThrowsAsync<ValidationException>(async () => await nothing.ReadAsync())).Errors[0].Field);
    }

    private static JsonLinesReader<Message> Reader(string text, int maxLineLength = 1024, JsonLinesReader<Message>.Validator? validate = null) =>
        new(PipeReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text))), TestJson.Default.Message, maxLineLength, validate);

    private static async Task<List<string>> ReadAllAsync(JsonLinesReader<Message> reader)
    {
        var texts = new List<string>();
        while (await reader.ReadAsync() is { HasValue: true } received)
        {
            texts.Add(received.Value!.Text);
        }

        return texts;
    }
}
