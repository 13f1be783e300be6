using System.Text.Json;
using Acme.Logger;
using Microsoft.Extensions.DependencyInjection;
using StreamGen.E2E.Tests.Logger;
using StreamGen.E2E.Tests.Support;
using Xunit.Abstractions;

namespace StreamGen.E2E.Tests.Cli;

/// <summary>
/// The logger's generated command-line client (examples/logger-cli, from <c>gen --cli</c>) as a user runs it, against
/// the logger served on real sockets: what the CLI prints and its exit code on one side, what the server's handlers
/// observed (or what its bus holds) on the other.
/// </summary>
public sealed class LoggerCliTests(LoggerServerFixture fixture, ITestOutputHelper log) : IClassFixture<LoggerServerFixture>
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(60);

    public static TheoryData<Transport> Both => Transports.Both;

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Subscribe_prints_what_publish_sent_from_a_file_on_standard_input_and_Ctrl_C_ends_it_cleanly(Transport transport)
    {
        var topic = NewTopic();
        await using var subscriber = CliProcess.Start(["logger", "subscribe", "--topic", topic, .. Server(transport)]);
        await PrimeAsync(subscriber, topic);

        var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllTextAsync(file, $$"""
            {"topic":"{{topic}}","message":"first"}
            {"topic":"{{topic}}","message":"second","level":"warn"}

            {"topic":"{{topic}}","message":"third","level":"error"}

            """);
        await using var publisher = await CliProcess.RunAsync(await File.ReadAllTextAsync(file), ["logger", "publish", .. Server(transport)]);
        File.Delete(file);

        Assert.Equal(0, publisher.ExitCode);
        Assert.Equal(["{\"count\":3,\"dropped\":0}"], publisher.Output);
        Assert.Empty(publisher.Error);
        await subscriber.WaitForOutputAsync("\"third\"");
        var received = subscriber.Output.Select(line => JsonDocument.Parse(line).RootElement).Where(e => e.GetProperty("message").GetString() != "primer").ToList();
        Assert.Equal(["first", "second", "third"], received.Select(e => e.GetProperty("message").GetString()));
        Assert.Equal(["info", "warn", "error"], received.Select(e => e.GetProperty("level").GetString()));
        Assert.All(received, e => Assert.Equal(topic, e.GetProperty("topic").GetString()));

        subscriber.Interrupt();
        Assert.Equal(0, await subscriber.WaitForExitAsync(Exit));
        Assert.Empty(subscriber.Error);
        await fixture.Observations.WaitForAsync($"subscribe:canceled:{topic}");
        Log();
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Watch_follows_the_add_and_remove_lines_of_standard_input_while_entries_flow(Transport transport)
    {
        var (database, network) = (NewTopic(), NewTopic());
        await using var watch = CliProcess.Start(["logger", "watch", "--view", "tiny", .. Server(transport)]);
        await watch.WriteLineAsync($$"""{"action":"add","topic":"{{database}}"}""");
        await PrimeAsync(watch, database);

        await Publish(database, "d1");
        await watch.WaitForOutputAsync("\"d1\"");
        await watch.WriteLineAsync($$"""{"action":"add","topic":"{{network}}"}""");
        await PrimeAsync(watch, network);
        await Publish(network, "n1");
        await watch.WaitForOutputAsync("\"n1\"");
        await watch.WriteLineAsync($$"""{"action":"remove","topic":"{{database}}"}""");
        await PrimeUntilGoneAsync(watch, database, network);
        await Publish(database, "d2");
        await Publish(network, "n2");
        await watch.WaitForOutputAsync("\"n2\"");

        watch.CloseInput();
        Assert.Equal(0, await watch.WaitForExitAsync(Exit));
        var messages = watch.Output.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(messages, m => Assert.Equal(["id", "message"], m.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["d1", "n1", "n2"], messages.Select(m => m.GetProperty("message").GetString()).Where(m => m is not "primer" and not "gone?"));
        Assert.Empty(watch.Error);
        Log();
    }

    [Fact]
    public async Task Upload_streams_a_file_and_download_writes_the_archive_to_a_file_with_its_byte_count()
    {
        var topic = NewTopic();
        var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, 200).Select(i => $$"""{"message":"line {{i}} {{new string('x', i)}}","level":"debug"}"""));
        await using var upload = await CliProcess.RunAsync(null, ["logger", "upload", "--topic", topic, "--file", file, .. Server(Transport.WebSocket)]);
        Assert.Equal(0, upload.ExitCode);
        Assert.Equal(["{\"count\":200}"], upload.Output);
        Assert.Empty(upload.Error);

        var target = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.ndjson");
        await using var download = await CliProcess.RunAsync(null, ["logger", "download", "--topic", topic, "--output", target, .. Server(Transport.WebSocket)]);

        Assert.Equal(0, download.ExitCode);
        Assert.Empty(download.Error);
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };
        var served = await http.GetByteArrayAsync($"logs/{topic}/archive");
        var written = await File.ReadAllBytesAsync(target);
        Assert.Equal(served, written);
        var summary = JsonDocument.Parse(Assert.Single(download.Output)).RootElement;
        Assert.Equal(written.LongLength, summary.GetProperty("bytes").GetInt64());
        Assert.Equal(target, summary.GetProperty("file").GetString());
        Assert.Equal(200, File.ReadAllLines(target).Length);
        File.Delete(file);
        File.Delete(target);
        Log();
    }

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    public async Task Recent_prints_a_table_of_the_entries(string transport)
    {
        var topic = NewTopic();
        await Publish(topic, "one");
        await Publish(topic, "two");

        await using var recent = await CliProcess.RunAsync(null, ["logger", "recent", "--topic", topic, "--limit", "5", "--format", "table", "--url", (transport == "grpc" ? fixture.Server.GrpcAddress : fixture.Server.HttpAddress).ToString(), "--transport", transport]);

        Assert.Equal(0, recent.ExitCode);
        Assert.Empty(recent.Error);
        Assert.Equal(3, recent.Output.Count);
        Assert.Matches(@"^id\s+timestamp\s+topic\s+message\s+level$", recent.Output[0]);
        Assert.Matches($@"^\d+\s+\S+Z\s+{topic}\s+one\s+info$", recent.Output[1]);
        Assert.Matches($@"^\d+\s+\S+Z\s+{topic}\s+two\s+info$", recent.Output[2]);
        // Columns line up: every row starts its topic where the header's starts.
        Assert.All(recent.Output.Skip(1), row => Assert.Equal(recent.Output[0].IndexOf("topic", StringComparison.Ordinal), row.IndexOf(topic, StringComparison.Ordinal)));
        Log();
    }

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    public async Task The_cli_runs_the_client_interceptors_its_project_registers(string transport)
    {
        // examples/logger-cli/LoggerCommands.Interceptors.cs registers the example's requestId interceptor: each call gets an id.
        static bool IsRequestId(string e) => System.Text.RegularExpressions.Regex.IsMatch(e, "^recent:request-id:[0-9a-f]{32}$");
        var before = fixture.Observations.Events.Count(IsRequestId);

        await using var recent = await CliProcess.RunAsync(null, ["logger", "recent", "--topic", NewTopic(), "--url", (transport == "grpc" ? fixture.Server.GrpcAddress : fixture.Server.HttpAddress).ToString(), "--transport", transport]);

        Assert.Equal(0, recent.ExitCode);
        Assert.Equal(before + 1, fixture.Observations.Events.Count(IsRequestId));
        Log();
    }

    [Fact]
    public async Task Usage_errors_exit_2_with_the_servers_validation_messages_and_send_nothing()
    {
        await using var missing = await CliProcess.RunAsync(null, ["logger", "recent", .. Server(Transport.WebSocket)]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("Option '--topic' is required.", string.Join("\n", missing.Error), StringComparison.Ordinal);

        await using var unknown = await CliProcess.RunAsync(null, ["logger", "recent", "--topic", "t", "--colour", "red", .. Server(Transport.WebSocket)]);
        Assert.Equal(2, unknown.ExitCode);

        // The same words as the server's for the same value.
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };
        var response = await http.GetAsync("logs/t?limit=5000");
        var serverMessage = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();
        await using var tooMany = await CliProcess.RunAsync(null, ["logger", "recent", "--topic", "t", "--limit", "5000", .. Server(Transport.WebSocket)]);
        Assert.Equal(2, tooMany.ExitCode);
        Assert.Equal([$"error: {serverMessage}"], tooMany.Error);

        await using var badView = await CliProcess.RunAsync(null, ["logger", "watch", "--view", "huge", .. Server(Transport.WebSocket)]);
        Assert.Equal(2, badView.ExitCode);
        Assert.Contains("error: \"view\" must be one of \"default\", \"tiny\", but is \"huge\"", badView.Error);

        await using var wrongTransport = await CliProcess.RunAsync(null, ["logger", "events", "--topic", "t", "--transport", "grpc", .. Server(Transport.WebSocket)]);
        Assert.Equal(2, wrongTransport.ExitCode);
        Assert.Equal(["error: logger.events is not served over grpc; it is served over sse."], wrongTransport.Error);

        // A line breaking the design's rules: the stream is abandoned before it, and the server publishes nothing of it.
        var topic = NewTopic();
        await using var badLine = await CliProcess.RunAsync($$"""{"topic":"{{topic}}","message":""}""" + "\n", ["logger", "publish", .. Server(Transport.WebSocket)]);
        Assert.Equal(2, badLine.ExitCode);
        Assert.Equal(["error: standard input, line 1: \"message\" length must be at least 1, but is 0"], badLine.Error);
        Assert.Null(fixture.Server.Services.GetRequiredService<LogBus>().Retained(topic));
        Log();
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_design_error_of_the_server_exits_1_with_its_name_and_message(Transport transport)
    {
        await using var subscribe = await CliProcess.RunAsync(null, ["logger", "subscribe", "--topic", ObservingLoggerService.FailBeforeOpen, .. Server(transport)]);

        Assert.Equal(1, subscribe.ExitCode);
        Assert.Equal(["not_found: no such topic"], subscribe.Error);
        Assert.Empty(subscribe.Output);

        await using var download = await CliProcess.RunAsync(null, ["logger", "download", "--topic", NewTopic(), .. Server(Transport.WebSocket)]);
        Assert.Equal(1, download.ExitCode);
        Assert.Single(download.Error, line => line.StartsWith("not_found: no entry is retained for topic", StringComparison.Ordinal));
        Log();
    }

    [Theory]
    [InlineData("ws", "subscribe")]
    [InlineData("http", "recent")]
    [InlineData("grpc", "recent")]
    public async Task An_unreachable_server_exits_3(string transport, string method)
    {
        var port = FreePort.Next();
        await using var call = await CliProcess.RunAsync(null, ["logger", method, "--topic", "t", "--url", $"http://127.0.0.1:{port}", "--transport", transport]);

        Assert.Equal(3, call.ExitCode);
        Assert.Single(call.Error, line => line.StartsWith("connection failed: ", StringComparison.Ordinal));
        Log();
    }

    [Fact]
    public async Task Help_shows_each_options_description_type_default_and_enum_values()
    {
        await using var recent = await CliProcess.RunAsync(null, ["logger", "recent", "--help"]);
        var help = string.Join("\n", recent.Output);
        Assert.Equal(0, recent.ExitCode);
        Assert.Contains("The most recent retained entries of a topic (over http or grpc)", help, StringComparison.Ordinal);
        Assert.Matches(@"--topic <string> \(REQUIRED\)\s+Topic to read", help);
        Assert.Matches(@"--limit <int32>\s+How many entries at most \[default: 100\]", help);
        Assert.Matches(@"--transport <ws\|sse\|http\|grpc>", help);
        Assert.Matches(@"--format <json\|table>", help);

        await using var watch = await CliProcess.RunAsync(null, ["logger", "watch", "--help"]);
        Assert.Matches(@"--view <default\|tiny>\s+View the server renders entries in", string.Join("\n", watch.Output));

        await using var root = await CliProcess.RunAsync(null, ["logger", "--help"]);
        var commands = string.Join("\n", root.Output);
        foreach (var method in new[] { "subscribe", "publish", "watch", "events", "upload", "download", "recent" })
        {
            Assert.Matches($@"\n\s+{method}\s+\S", commands);
        }

        Log();
    }

    [Fact]
    public async Task Events_over_sse_prints_in_the_view_asked_for()
    {
        var topic = NewTopic();
        var first = await Publish(topic, "one");
        await Publish(topic, "two");

        await using var events = CliProcess.Start(["logger", "events", "--topic", topic, "--since", first.Id, "--view", "tiny", .. Server(Transport.WebSocket)]);
        var line = await events.WaitForOutputAsync("\"two\"");
        events.Interrupt();

        Assert.Equal(0, await events.WaitForExitAsync(Exit));
        Assert.Equal(["id", "message"], JsonDocument.Parse(line).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(events.Output, l => l.Contains("\"one\"", StringComparison.Ordinal));
        Log();
    }

    private string[] Server(Transport transport) =>
        transport == Transport.Grpc
            ? ["--url", fixture.Server.GrpcAddress.ToString(), "--transport", "grpc"]
            : ["--url", fixture.Server.HttpAddress.ToString()];

    private async Task<LogRecord> Publish(string topic, string message) =>
        (await fixture.Server.Services.GetRequiredService<LogBus>().PublishAsync(topic, message, Level.Info)).Record;

    /// <summary>Publishes primers until the stream prints one: the subscription is then in place on the server.</summary>
    private async Task PrimeAsync(CliProcess process, string topic)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!process.Output.Any(l => l.Contains("\"primer\"", StringComparison.Ordinal) && (l.Contains(topic, StringComparison.Ordinal) || !l.Contains("\"topic\"", StringComparison.Ordinal)) && Seen(l, topic)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no primer of {topic} arrived:\n{string.Join("\n", process.Output.Concat(process.Error))}");
            var record = await Publish(topic, "primer");
            _primers[record.Id] = topic;
            await Task.Delay(100);
        }
    }

    /// <summary>After a remove line: publishes a probe on the removed topic, then a primer on the kept one, until the primer arrives with no probe before it.</summary>
    private async Task PrimeUntilGoneAsync(CliProcess process, string removed, string kept)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{removed} was never removed:\n{string.Join("\n", process.Output.Concat(process.Error))}");
            var probe = await Publish(removed, "gone?");
            var primer = await Publish(kept, "primer");
            _primers[primer.Id] = kept;
            await process.WaitForOutputAsync($"\"{primer.Id}\"");
            if (!process.Output.Any(l => l.Contains($"\"{probe.Id}\"", StringComparison.Ordinal)))
            {
                return;
            }
        }
    }

    private readonly Dictionary<string, string> _primers = [];

    private bool Seen(string line, string topic)
    {
        var id = JsonDocument.Parse(line).RootElement.TryGetProperty("id", out var value) ? value.GetString() : null;
        return id is null || (_primers.TryGetValue(id, out var primed) && primed == topic);
    }

    private void Log()
    {
        while (CliProcess.Transcript.TryDequeue(out var entry))
        {
            log.WriteLine(entry);
            File.AppendAllText(TranscriptFile, entry + "\n");
        }
    }

    private static string TranscriptFile => Path.Combine(Path.GetTempPath(), "streamgen-cli-transcript.txt");

    private static string NewTopic() => "cli-" + Guid.NewGuid().ToString("N")[..8];
}
