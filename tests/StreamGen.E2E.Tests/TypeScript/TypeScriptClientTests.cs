using System.Text.Json;
using StreamGen.E2E.Tests.Logger;
using StreamGen.E2E.Tests.Support;

namespace StreamGen.E2E.Tests.TypeScript;

/// <summary>
/// The generated TypeScript client of the logger (examples/logger/viewer/gen, which CliTests keeps equal to what the
/// generator writes), compiled with tsc under --strict together with tests/interop/typescript/logger-client.ts, drives
/// every method of the logger served here, over Node's fetch and its WHATWG WebSocket (what a browser has). The test
/// asserts what the client saw (its JSON summary) and what the server's handlers observed.
/// </summary>
public sealed class TypeScriptClientTests(LoggerServerFixture fixture) : IClassFixture<LoggerServerFixture>
{
    private static readonly Lazy<string> Compiled = new(() =>
    {
        var output = Path.Combine(Node.InteropDirectory, "obj", "typescript-" + Guid.NewGuid().ToString("N")[..8]);
        TypeScriptCompiler.CompileProject(Node.InteropDirectory, Path.Combine("typescript", "tsconfig.json"), output);
        return Path.Combine(output, "tests", "interop", "typescript", "logger-client.js");
    });

    [Fact]
    public async Task Every_method_works_and_both_sides_see_the_same()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var (exit, output, error) = await Node.RunAsync(Node.WebSocketOptions, Compiled.Value, fixture.Server.HttpAddress.ToString(), run, LoggerServerFixture.ApiKey);
        Assert.True(exit == 0, $"the TypeScript client failed ({exit}):\n{error}\n{output}");
        var seen = JsonDocument.Parse(output).RootElement;

        // subscribe + publish: in order, the other topic's entry left out, validated (the level's enum, the timestamp).
        var subscribe = seen.GetProperty("subscribe");
        Assert.Equal(4, subscribe.GetProperty("publish").GetProperty("count").GetInt64());
        Assert.Equal(
            ["first:warn", "second:info", "third:error"],
            subscribe.GetProperty("received").EnumerateArray().Select(r => $"{r.GetProperty("message").GetString()}:{r.GetProperty("level").GetString()}"));
        Assert.All(subscribe.GetProperty("received").EnumerateArray(), r => Assert.True(r.GetProperty("timestampIsRfc3339").GetBoolean()));
        Assert.Equal("canceled", subscribe.GetProperty("afterCancel").GetProperty("name").GetString());
        await fixture.Observations.WaitForAsync($"subscribe:canceled:orders-{run}");

        // A message that breaks the rules is refused before it is sent; the stream goes on, and the server stores one.
        var rules = seen.GetProperty("publishRules");
        Assert.Equal(("ValidationError", "invalid_length"), (rules.GetProperty("refused").GetProperty("class").GetString(), rules.GetProperty("refused").GetProperty("name").GetString()));
        Assert.Equal("\"message\" length must be at least 1, but is 0", rules.GetProperty("refused").GetProperty("message").GetString());
        Assert.Equal(1, rules.GetProperty("result").GetProperty("count").GetInt64());
        var stored = await fixture.Client(Transport.WebSocket).RecentAsync(new Acme.Logger.RecentPayload { Topic = $"rules-{run}" });
        Assert.Equal(["kept"], stored.Entries.Select(e => e.Message));

        // watch: the seed's add/remove story, exactly; closing the sending half ends the server's handler normally.
        var watch = seen.GetProperty("watch");
        Assert.Equal(
            ["database:db-1:timestamp", "database:db-2:timestamp", "network:net-1:timestamp", "network:net-2:timestamp"],
            watch.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
        await fixture.Observations.WaitForAsync("watch:completed");

        // View tiny: a browser's WebSocket cannot see Goa-View; the ws package can, and then checks the view's rules.
        var tiny = seen.GetProperty("watchTiny");
        Assert.Equal(JsonValueKind.Null, tiny.GetProperty("browserLike").GetProperty("view").ValueKind);
        Assert.Equal("tiny", tiny.GetProperty("nodeWs").GetProperty("view").GetString());
        foreach (var side in new[] { "browserLike", "nodeWs" })
        {
            var entry = tiny.GetProperty(side).GetProperty("entry");
            Assert.Equal(["id", "message"], entry.EnumerateObject().Select(p => p.Name));
            Assert.Equal("small", entry.GetProperty("message").GetString());
        }

        // events: the replay after Last-Event-ID 0, then a connection cut after two events or more, resumed from the id
        // of the last one it delivered, with no entry lost or repeated.
        var events = seen.GetProperty("events");
        Assert.Equal(["e1", "e2", "e3", "e4"], events.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
        var ids = events.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        var delivered = events.GetProperty("deliveredBeforeCut").GetInt32();
        Assert.InRange(delivered, 2, 3);
        Assert.Equal(["0", ids[delivered - 1]], events.GetProperty("lastEventIds").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(ids[3], events.GetProperty("lastEventId").GetString());

        // upload, download, recent: the limit's default (100) is sent, as the C# client sends it.
        var bodies = seen.GetProperty("bodies");
        Assert.Equal(2, bodies.GetProperty("uploaded").GetProperty("count").GetInt64());
        Assert.Equal(["from a file", "second line"], bodies.GetProperty("downloaded").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["from a file:info", "second line:debug"], bodies.GetProperty("recent").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["second line"], bodies.GetProperty("recentOne").EnumerateArray().Select(m => m.GetString()));

        var errors = seen.GetProperty("errors");
        AssertError(errors, "localValidation", "ValidationError", "invalid_length", message: "\"topic\" length must be at least 1, but is 0; \"limit\" must be lesser or equal than 1000, but is 5000");
        AssertError(errors, "notFound", "NotFoundError", "not_found", status: 404);
        Assert.True(errors.GetProperty("notFoundIsDesignClass").GetBoolean());

        // An error before the upgrade is an HTTP response a WHATWG WebSocket never shows: the client asks the same
        // request over plain HTTP, which the server accepts (426: it would upgrade), so all it can say is that the
        // handshake was refused. (The C# client reads the 404 and its body.)
        AssertError(errors, "failBeforeOpen", "StreamClosedError", "handshake_failed", code: 1006);
        await fixture.Observations.WaitForAsync("subscribe:started:fail-before-open");

        // After the upgrade, the close reason names the error: the design's class for a design error, with its code.
        Assert.Equal("one", errors.GetProperty("failAfterOpen").GetProperty("first").GetString());
        AssertError(errors.GetProperty("failAfterOpen"), "then", "NotFoundError", "not_found", code: 1011, message: "the topic went away");
        AssertError(errors, "crash", "StreamClosedError", "fault", code: 1011);
        Assert.DoesNotContain("secret", errors.GetProperty("crash").GetProperty("message").GetString(), StringComparison.Ordinal);

        // A message that breaks the design's rules ends the stream on the client, which tells the server why.
        AssertError(errors, "invalidMessage", "ValidationError", "invalid_format");
        await fixture.Observations.WaitForAsync("subscribe:canceled:send-invalid");

        // AbortSignal: the pending receive rejects with the signal's reason, and the server's handler is canceled.
        Assert.Equal("AbortError", errors.GetProperty("aborted").GetProperty("name").GetString());
        await fixture.Observations.WaitForAsync($"subscribe:canceled:aborted-{run}");
        Assert.Equal("AbortError", errors.GetProperty("abortedUnary").GetProperty("name").GetString());
        AssertError(errors, "unreachable", "StreamClosedError", "connection_failed", code: 1006);

        // publish and upload without the API key (or with a wrong one): 401 before any upgrade, which the client reports
        // as the server's unauthorized error (the viewer shows its key field on it).
        AssertError(errors, "uploadWithoutKey", "ServiceError", "unauthorized", status: 401);
        AssertError(errors, "publishWithoutKey", "ServiceError", "unauthorized", status: 401);
        AssertError(errors, "publishWrongKey", "ServiceError", "unauthorized", status: 401);
        AssertError(errors, "uploadWrongKey", "ServiceError", "unauthorized", status: 401);

        // The requestId interceptor's TypeScript counterpart: once around each call, the id it sets reaches the server
        // (X-Request-Id on the fetch, the WebSocket upgrade's header or query), and the caller's payload is left as it was.
        var interceptors = seen.GetProperty("interceptors");
        Assert.Equal(
            ["recent:unary:before", "recent:unary:after", "watch:unary:before", "watch:unary:after"],
            interceptors.GetProperty("calls").EnumerateArray().Select(c => c.GetString()));
        Assert.True(interceptors.GetProperty("callersPayloadUntouched").GetBoolean());
        await fixture.Observations.WaitForAsync($"recent:request-id:ts-{run}");
        await fixture.Observations.WaitForAsync($"watch:request-id:ts-{run}");
    }

    private static void AssertError(JsonElement parent, string property, string type, string name, int? status = null, int? code = null, string? message = null)
    {
        var error = parent.GetProperty(property);
        Assert.True(
            error.GetProperty("class").GetString() == type && error.GetProperty("name").GetString() == name,
            $"{property}: expected {type} '{name}', saw {error}");
        if (status is not null)
        {
            Assert.Equal(status, error.GetProperty("status").GetInt32());
        }

        if (code is not null)
        {
            Assert.Equal(code, error.GetProperty("code").GetInt32());
        }

        if (message is not null)
        {
            Assert.Equal(message, error.GetProperty("message").GetString());
        }
    }
}
