using System.Text.RegularExpressions;
using StreamGen.Naming;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.TypeScript;

/// <summary>
/// TypeScript names are decided in the model, in scopes of the one registry: a design name TypeScript, the web platform or
/// the runtime already holds gives way (the API's name in front), JSON names never do, and the runtime's exports are
/// all reserved.
/// </summary>
public sealed partial class TypeScriptNamesTests
{
    [Fact]
    public void The_reserved_runtime_names_are_exactly_what_the_runtime_exports()
    {
        var runtime = File.ReadAllText(Path.Combine(Repository.Templates, "typescript", "streamgen.ts.sbn"));

        var exported = Export().Matches(runtime).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);

        Assert.Equal(exported, TypeScriptNaming.RuntimeExports.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Names_the_module_or_typescript_hold_give_way_and_wire_names_stay()
    {
        var module = Designs.Model(TypeScriptDesigns.Hostile).TypeScript;
        var types = module.Types.ToDictionary(t => t.DesignNameLiteral, t => t.Name);

        Assert.Equal("streamgen-client.ts", module.FileName);
        Assert.Equal("StreamgenPromise", types["\"Promise\""]);
        Assert.Equal("StreamgenResponse", types["\"Response\""]);
        Assert.Equal("StreamgenTransport", types["\"Transport\""]);
        Assert.Equal("StreamgenServiceError", types["\"ServiceError\""]);
        Assert.Equal("StreamgenRecord", types["\"Record\""]);
        var promise = module.Types.Single(t => t.Name == "StreamgenPromise");
        Assert.Equal(["class", "delete", "constructor", "[\"__proto__\"]", "größe", "response"], promise.Properties.Select(p => p.Key));
        Assert.Equal(["TransportError", "ServiceErrorError"], module.Errors.Select(e => e.ClassName));
        Assert.Equal("/** A comment that ends *\\/ early */", $"/** {module.Errors[0].Description[0]} */");
        var client = Assert.Single(module.Clients);
        Assert.Equal(["delete", "constructorMethod", "toStringMethod", "errors"], client.Methods.Select(m => m.Name));
        Assert.Equal("Promise<ServerStream<StreamgenRecordClassView>>", client.Methods[1].ReturnType);
    }

    [Fact]
    public void Chat_types_views_enums_and_client_are_named_like_their_csharp_records()
    {
        var analysis = StreamGen.Generation.StreamGenerator.Analyze(File.ReadAllText(Path.Combine(Repository.Designs, "chat.yaml")), "chat.yaml", Designs.Options);
        var module = analysis.Model!.TypeScript;

        Assert.Equal(["ChatClient"], module.Clients.Select(c => c.ClassName));
        Assert.Contains(module.Types, t => t.Name == "ChatEvent" && t.ViewNameType == "ChatEventView" && t.Views.Select(v => v.InterfaceName).SequenceEqual(["ChatEventDefaultView", "ChatEventCompactView"]));
        Assert.Contains(module.Types.SelectMany(t => t.Enums), e => e.Name == "MessageMetaClient" && e.ValuesLiteral == "\"web\", \"ios\", \"android\"");
    }

    [GeneratedRegex(@"^export (?:declare )?(?:abstract )?(?:class|function|async function|interface|type|const|let) ([A-Za-z_$][A-Za-z0-9_$]*)", RegexOptions.Multiline)]
    private static partial Regex Export();
}
