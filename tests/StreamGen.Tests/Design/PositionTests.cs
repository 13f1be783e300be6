using StreamGen.Design;
using StreamGen.Tests.Support;
using StreamGen.Diagnostics;

namespace StreamGen.Tests.Design;

/// <summary>Every node keeps where it was written, in YAML and in JSON, so every diagnostic can point at it.</summary>
public sealed class PositionTests
{
    [Fact]
    public void Yaml_keys_and_values_keep_their_line_and_column()
    {
        var document = Parse("""
            api:
              name: demo
            services:
              demo:
                methods:
                  ping:
                    description: "héllo wörld"
                    payload: { type: String }
            """, "demo.yaml");

        var method = document.Services!["demo"].Methods!["ping"];
        Assert.Equal((6, 7), (method.NameSpan.Line, method.NameSpan.Column));
        Assert.Equal((7, 9), (method.KeySpanOf("description").Line, method.KeySpanOf("description").Column));
        Assert.Equal((7, 22), (method.SpanOf("description").Line, method.SpanOf("description").Column));
        Assert.Equal((8, 26), (method.Payload!.SpanOf("type").Line, method.Payload.SpanOf("type").Column));
    }

    [Fact]
    public void Json_keys_and_values_keep_their_line_and_column_counting_characters_not_bytes()
    {
        var document = Parse("""
            {
              "api": { "name": "démo", "title": "x" },
              "services": {
                "demo": { "methods": { "ping": { "description": "ünïcode", "payload": "String" } } }
              }
            }
            """, "demo.json");

        var api = document.Api!;
        Assert.Equal((2, 28), (api.KeySpanOf("title").Line, api.KeySpanOf("title").Column));
        var method = document.Services!["demo"].Methods!["ping"];
        Assert.Equal((4, 28), (method.NameSpan.Line, method.NameSpan.Column));
        Assert.Equal((4, 64), (method.KeySpanOf("payload").Line, method.KeySpanOf("payload").Column));
    }

    [Fact]
    public void A_json_syntax_error_is_reported_at_its_position()
    {
        var diagnostic = Assert.Single(Designs.Diagnose("{\n  \"api\": { \"name\": \"demo\" }\n  \"services\": {}\n}\n", "demo.json"));

        Assert.Equal(("SG1000", 3, 3), (diagnostic.Id, diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Json_reports_unknown_keys_and_duplicates_like_yaml()
    {
        var diagnostics = Designs.Diagnose("""
            {
              "api": { "name": "demo", "name": "again" },
              "services": { "demo": { "methods": { "ping": { "pyload": "String" } } } }
            }
            """, "demo.json");

        Assert.Equal([("SG1004", 2, 28), ("SG1001", 3, 50)], diagnostics.Select(d => (d.Id, d.Span.Line, d.Span.Column)));
    }

    [Fact]
    public void Yaml_anchors_and_aliases_are_followed()
    {
        var document = Parse("""
            api: { name: demo }
            types:
              A:
                attributes:
                  id: &id { type: String, minLength: 1 }
                  other: *id
            services: { demo: { methods: {} } }
            """, "demo.yaml");

        Assert.Equal(1, document.Types!["A"].Attributes!["other"].MinLength);
    }

    [Fact]
    public void Every_design_in_the_repository_parses_without_a_diagnostic()
    {
        foreach (var file in Repository.DesignFiles)
        {
            Assert.Empty(Designs.Diagnose(File.ReadAllText(file), Path.GetFileName(file)));
        }
    }

    private static DesignDocument Parse(string text, string file)
    {
        var diagnostics = new DiagnosticBag();
        var document = DesignLoader.Parse(text, file, diagnostics).Document;
        Assert.Empty(diagnostics.Items);
        return document!;
    }
}
