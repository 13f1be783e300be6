using System.Text.Json;
using Acme.Chat;
using Microsoft.Extensions.DependencyInjection;
using StreamGen.E2E.Tests.Chat;
using StreamGen.E2E.Tests.Support;
using StreamGen.Runtime;

namespace StreamGen.E2E.Tests.TypeScript;

/// <summary>
/// The generated TypeScript client of the chat design (its golden copy, which TypeScriptGoldenTests keep equal to what the
/// generator writes), compiled under --strict with tests/interop/typescript/chat-lines-client.ts and run by Node against
/// the chat served here: a server stream read as NDJSON, client streams sent as an NDJSON request body, their errors and
/// cancellation, asserted on both sides.
/// </summary>
public sealed class TypeScriptJsonLinesTests : IAsyncLifetime
{
    private readonly ChatService _service = new();
    private TestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync(builder => builder.AddChatServer(), app => app.MapChatServer(), services => services.AddSingleton<IChatService>(_service));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Ndjson_server_and_client_streams_work_from_Node_and_both_sides_see_the_same()
    {
        var script = Compile();

        var (exit, output, error) = await Node.RunAsync(script, _server.HttpAddress.ToString());

        Assert.True(exit == 0, $"the TypeScript client failed ({exit}):\n{error}\n{output}");
        var seen = JsonDocument.Parse(output).RootElement;
        var full = seen.GetProperty("replay-default");
        Assert.Equal("default", full.GetProperty("view").GetString());
        Assert.Equal([1, 2, 3], full.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
        Assert.All(full.GetProperty("events").EnumerateArray(), e => Assert.Equal("ts-lobby", e.GetProperty("room").GetString()));
        var compact = seen.GetProperty("replay-compact");
        Assert.Equal("compact", compact.GetProperty("view").GetString());
        Assert.All(compact.GetProperty("events").EnumerateArray(), e => Assert.Equal(["id", "kind"], e.EnumerateObject().Select(p => p.Name)));

        Assert.Equal((100, "m99"), (seen.GetProperty("import").GetProperty("accepted").GetInt32(), seen.GetProperty("import").GetProperty("last").GetString()));
        Assert.Equal("closed", seen.GetProperty("notices").GetString());
        Assert.Equal(("invalid_length", true), (seen.GetProperty("refusedLocally").GetProperty("name").GetString(), seen.GetProperty("refusedLocally").GetProperty("validation").GetBoolean()));
        var muted = seen.GetProperty("muted");
        Assert.Equal(("MutedError", 403), (muted.GetProperty("class").GetString(), muted.GetProperty("status").GetInt32()));
        Assert.NotEqual("none", seen.GetProperty("aborted").GetProperty("class").GetString());

        var handlers = _service.Imports.ToDictionary(s => s.Room);
        Assert.Equal((100, null), (handlers["ts-import"].Received, handlers["ts-import"].Error));
        Assert.Equal(2, handlers["ts-notices"].Received);
        Assert.DoesNotContain("ts-local", handlers.Keys);
        Assert.DoesNotContain("ts-muted", handlers.Keys);
        var aborted = await AbortedAsync();
        Assert.Equal(("connection_lost", true, 1), (Assert.IsAssignableFrom<ServiceError>(aborted.Error).Name, aborted.TokenCanceled, aborted.Received));
    }

    private async Task<ChatImportSeen> AbortedAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            if (_service.Imports.FirstOrDefault(s => s.Room == "ts-abort") is { } seen)
            {
                return seen;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the aborted import's handler did not end");
    }

    /// <summary>The chat's generated module, its runtime and the script, side by side, compiled as the logger's client is.</summary>
    private static string Compile()
    {
        var golden = Path.Combine(Node.RepositoryRoot, "tests", "StreamGen.Tests", "Golden", "typescript");
        var source = Path.Combine(Node.InteropDirectory, "obj", "chat-lines-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(source);
        File.Copy(Path.Combine(golden, "chat", "chat.ts"), Path.Combine(source, "chat.ts"));
        File.Copy(Path.Combine(golden, "logger", "streamgen.ts"), Path.Combine(source, "streamgen.ts"));
        File.Copy(Path.Combine(Node.InteropDirectory, "typescript", "chat-lines-client.ts"), Path.Combine(source, "chat-lines-client.ts"));
        File.Copy(Path.Combine(Node.InteropDirectory, "typescript", "node.d.ts"), Path.Combine(source, "node.d.ts"));
        File.WriteAllText(Path.Combine(source, "tsconfig.json"), """
            {
              "compilerOptions": {
                "strict": true, "target": "es2022", "module": "es2022", "moduleResolution": "bundler",
                "lib": ["es2022", "dom", "dom.iterable"], "skipLibCheck": true, "noEmitOnError": true
              },
              "files": ["chat-lines-client.ts", "node.d.ts"]
            }
            """);
        var output = Path.Combine(source, "out");
        TypeScriptCompiler.CompileProject(Node.InteropDirectory, Path.Combine(source, "tsconfig.json"), output);
        return Path.Combine(output, "chat-lines-client.js");
    }
}
