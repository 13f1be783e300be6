using System.Text.Json;
using StreamGen.E2E.Tests.Support;

namespace StreamGen.E2E.Tests.TypeScript;

/// <summary>
/// The logger example's log viewer (examples/logger/wwwroot, served at /) in a real browser: headless Chromium from the
/// system's packages, driven by tests/interop/viewer-browser.mjs through playwright-core, against the example run as a
/// user runs it. The seed's watch story, a killed connection and the reconnect, the tiny view, pause and resume; a
/// screenshot of each step is saved under artifacts/screenshots/.
/// </summary>
public sealed class LogViewerBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    public static string Screenshots { get; } = Path.Combine(Node.RepositoryRoot, "artifacts", "screenshots");

    [Fact]
    public async Task The_viewer_shows_the_seed_story_live_and_reconnects_by_itself()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        await using var example = ExampleProcess.Start(
        [
            $"--Http:Port={http}", $"--Grpc:Port={grpc}", "--Http:Host=127.0.0.1",
            $"--contentRoot={Path.Combine(Node.RepositoryRoot, "examples", "logger")}", "--Logger:ApiKeys:0=viewer-key",
        ]);
        await example.WaitForOutputAsync($"listening on http://127.0.0.1:{http}");
        if (Directory.Exists(Screenshots))
        {
            Directory.Delete(Screenshots, recursive: true);
        }

        var (exit, output, error) = await Node.RunAsync("viewer-browser.mjs", $"http://127.0.0.1:{http}/", Screenshots, Chromium, "viewer-key");
        Assert.True(exit == 0, $"the browser run failed ({exit}):\n{error}\n{output}");
        var seen = JsonDocument.Parse(output).RootElement;
        var steps = seen.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        string[] Messages(string step) => [.. steps[step].GetProperty("messages").EnumerateArray().Select(m => m.GetString()!)];

        // Every field has a label; the page logged no error (a favicon, a script, a failed request) but the browser's own
        // about the connections refused while the network was down.
        Assert.Empty(seen.GetProperty("unlabelled").EnumerateArray());
        var logged = seen.GetProperty("console").EnumerateArray().Select(c => (Phase: c.GetProperty("phase").GetString(), Text: c.GetProperty("text").GetString()!)).ToList();
        Assert.DoesNotContain(logged, c => c.Phase is not ("outage" or "refused"));
        Assert.All(logged.Where(c => c.Phase == "outage"), c => Assert.Contains("net::ERR_", c.Text, StringComparison.Ordinal));

        // ...and, for the publish sent without the API key, the browser's own lines about the refused upgrade (401).
        Assert.All(logged.Where(c => c.Phase == "refused"), c => Assert.True(c.Text.Contains("401", StringComparison.Ordinal) || c.Text.Contains("/logs/publish", StringComparison.Ordinal), c.Text));

        // add database, publish, see it (newest first), coloured by its level.
        Assert.Equal(["db-1"], Messages("database"));
        Assert.Equal("warn", steps["database"].GetProperty("levelClass").GetString());
        Assert.Equal("rgb(122, 77, 0)", steps["database"].GetProperty("levelColour").GetString());
        // publish without the API key: refused before the upgrade, the page shows its key field; with the key, published.
        var credentials = seen.GetProperty("credentials");
        Assert.StartsWith("Not published", credentials.GetProperty("refused").GetString(), StringComparison.Ordinal);
        Assert.True(credentials.GetProperty("keyFieldShown").GetBoolean());
        Assert.Equal("Published: 1 accepted", steps["database"].GetProperty("published").GetString());

        // add network: both arrive; remove database: only network (db-3 was published before net-2, so it would show).
        Assert.Equal(["net-1", "db-2", "db-1"], Messages("database-and-network"));
        Assert.Equal(["network"], steps["network-only"].GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["net-2", "net-1", "db-2", "db-1"], Messages("network-only"));

        // Every connection cut: the page says so, reconnects by itself and counts it. Where the design resumes with
        // since, the entry published while it was away arrives (no gap); otherwise the table marks the gap.
        var reconnected = steps["reconnected"];
        Assert.Equal("reconnecting", reconnected.GetProperty("whileDown").GetProperty("state").GetString());
        Assert.Equal("Reconnects: 1", reconnected.GetProperty("reconnects").GetString());
        Assert.Equal("live", reconnected.GetProperty("status").GetProperty("state").GetString());
        if (seen.GetProperty("resumable").GetBoolean())
        {
            Assert.Equal(["net-3", "net-while-down", "net-2"], Messages("reconnected")[..3]);
            Assert.Empty(reconnected.GetProperty("gapRows").EnumerateArray());
        }
        else
        {
            Assert.Equal(["net-3", "net-2"], Messages("reconnected")[..2]);
            Assert.Equal(["Reconnected: entries published while disconnected are not shown"], reconnected.GetProperty("gapRows").EnumerateArray().Select(r => r.GetString()));
        }

        // The tiny view carries id and message only.
        var tiny = steps["tiny-view"].GetProperty("tinyRow").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(["", "", "", "net-tiny"], tiny[1..]);
        Assert.Matches("^[0-9]+$", tiny[0]);

        // Paused, the table does not change; resumed, it goes on (with the paused entry too where the design resumes).
        var resumed = steps["resumed"];
        Assert.Equal("Published: 1 accepted", resumed.GetProperty("pausedPublish").GetString());
        Assert.DoesNotContain("net-while-paused", resumed.GetProperty("whilePaused").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("false", resumed.GetProperty("pressed").GetString());
        Assert.Equal(
            seen.GetProperty("resumable").GetBoolean() ? ["net-after-pause", "net-while-paused", "net-tiny"] : ["net-after-pause", "net-tiny"],
            Messages("resumed")[..(seen.GetProperty("resumable").GetBoolean() ? 3 : 2)]);

        // A screenshot of each step, saved as an artifact.
        var screenshots = seen.GetProperty("screenshots").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(7, screenshots.Count);
        Assert.All(screenshots, path => Assert.True(new FileInfo(path).Length > 10_000, $"{path} is missing or empty"));
    }
}
