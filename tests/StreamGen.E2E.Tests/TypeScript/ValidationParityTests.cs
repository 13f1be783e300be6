using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Acme.Chat;
using StreamGen.E2E.Tests.Support;
using StreamGen.Runtime;

namespace StreamGen.E2E.Tests.TypeScript;

/// <summary>
/// The TypeScript client checks what it receives with the design's rules and words each broken rule as the server does:
/// the same values, checked by the generated C# records of designs/chat.yaml (every kind of rule) and by its generated
/// TypeScript module (both from their golden copies), give the same list of errors.
/// </summary>
public sealed class ValidationParityTests
{
    private const string Uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static readonly (string Type, string Json)[] Cases =
    [
        ("Sample", """{ "small": 11, "text": "x", "medium": 0, "large": 9000000000, "ratio": 1.5, "day": "2024-02-30", "address": "999.1.1.1" }"""),
        ("Sample", """{ "small": -10, "text": "", "medium": 1, "large": 8999999999, "ratio": 0, "day": "2024-02-29", "host": "example.com", "address": "::1", "count": 3 }"""),
        ("Sample", """{ "small": 0 }"""),
        ("Author", $$"""{ "id": "not-a-uuid", "name": "1abc", "email": "no-at", "avatar": "QUJD" }"""),
        ("Author", $$"""{ "id": "{{Uuid}}", "name": "{{new string('a', 65)}}" }"""),
        ("Author", $$"""{ "id": "{{Uuid}}", "name": "" }"""),
        ("Author", $$"""{ "id": "{{Uuid}}", "name": "Ada", "email": "ada@example.com" }"""),
        ("Message", $$"""{ "text": "", "author": { "id": "{{Uuid}}", "name": "Ada" }, "mentions": ["1","2","3","4","5","6","7","8","9","10","11"], "meta": { "client": "web" } }"""),
        // A string outside an enum fails the C# decode (the enum has no such member) with Goa's invalid_enum_value.
        ("Message", $$"""{ "text": "x", "author": { "id": "{{Uuid}}", "name": "Ada" }, "meta": { "client": "desktop", "sentAt": "2026-01-01T10:00:00Z" } }"""),
        ("Message", """{ "text": "no author" }"""),
        ("Message", $$"""{ "text": "x", "author": { "id": "{{Uuid}}", "name": "Ada" }, "replyTo": { "text": "y", "author": { "id": "bad", "name": "Bob" } }, "meta": { "sentAt": "2026-01-01T10:00:00+02:00" } }"""),
        ("Message", $$"""{ "text": "x", "author": { "id": "{{Uuid}}", "name": "Ada" }, "meta": { "sentAt": "yesterday" } }"""),
        ("Thread", $$"""{ "root": { "text": "x", "author": { "id": "{{Uuid}}", "name": "Ada" } }, "replies": [ { "root": { "text": "", "author": { "id": "{{Uuid}}", "name": "Ada" } } } ] }"""),
        ("ChatEvent", """{ "id": 1, "kind": "boom", "room": "r" }"""),
        ("ChatEvent", """{ "id": 1, "kind": "joined", "room": "r", "members": 3 }"""),
    ];

    [Fact]
    public async Task Both_clients_report_the_same_broken_rules_in_the_same_words()
    {
        var expected = Cases.Select(c => CSharpErrors(c.Type, c.Json)).ToList();

        var module = CompileChatModule();
        var cases = Path.Combine(Path.GetDirectoryName(module)!, "cases.json");
        File.WriteAllText(cases, JsonSerializer.Serialize(Cases.Select(c => new { type = c.Type, value = JsonDocument.Parse(c.Json).RootElement })));
        var (exit, output, error) = await Node.RunAsync(Path.Combine("typescript", "validate-cases.mjs"), module, cases);
        Assert.True(exit == 0, error + output);
        var actual = JsonSerializer.Deserialize<List<List<string>>>(output)!;

        Assert.Contains(expected, e => e.Count > 3);
        for (var i = 0; i < Cases.Length; i++)
        {
            Assert.True(expected[i].SequenceEqual(actual[i]), $"{Cases[i].Type} {Cases[i].Json}\n  C#:         {string.Join(" | ", expected[i])}\n  TypeScript: {string.Join(" | ", actual[i])}");
        }
    }

    private static List<string> CSharpErrors(string type, string json)
    {
        ValidationErrors? errors = null;
        IValidatable value;
        try
        {
            value = type switch
            {
                "Sample" => Read(json, ChatJsonReader.Sample),
                "Author" => Read(json, ChatJsonReader.Author),
                "Message" => Read(json, ChatJsonReader.Message),
                "Thread" => Read(json, ChatJsonReader.Thread),
                _ => Read(json, ChatJsonReader.ChatEvent),
            };
        }
        catch (JsonException e)
        {
            return [.. JsonDecoding.Error(e).Errors.Select(error => error.ToString())];
        }

        value.Validate(ref errors);
        return errors?.Items.Select(e => e.ToString()).ToList() ?? [];
    }

    private static T Read<T>(string json, JsonTypeInfo<T> info) => JsonSerializer.Deserialize(json, info)!;

    /// <summary>The golden chat module and the runtime (kept once, with the logger's), compiled to ES modules.</summary>
    private static string CompileChatModule()
    {
        var golden = Path.Combine(Node.RepositoryRoot, "tests", "StreamGen.Tests", "Golden", "typescript");
        var source = Path.Combine(Node.InteropDirectory, "obj", "parity-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(source);
        File.Copy(Path.Combine(golden, "chat", "chat.ts"), Path.Combine(source, "chat.ts"));
        File.Copy(Path.Combine(golden, "logger", "streamgen.ts"), Path.Combine(source, "streamgen.ts"));
        var (exit, output) = TypeScriptCompiler.Run(
            Node.InteropDirectory, source, "--strict", "--target", "es2022", "--module", "es2022", "--moduleResolution", "bundler", "--lib", "es2022,dom",
            "--skipLibCheck", "--outDir", "out", "chat.ts", "streamgen.ts");
        Assert.True(exit == 0, output);
        File.WriteAllText(Path.Combine(source, "out", "package.json"), "{ \"type\": \"module\" }\n");
        return Path.Combine(source, "out", "chat.js");
    }
}
