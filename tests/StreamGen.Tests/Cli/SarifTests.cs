using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Cli;

/// <summary>
/// `--format sarif` against the SARIF 2.1.0 JSON schema (Schemas/sarif-2.1.0.json: the OASIS schema, 2.1.0-rtm.5, as
/// the npm package @microsoft/jest-sarif ships it), over real diagnostics of several codes in several files, with paths
/// that need escaping. NJsonSchema checks "uri" but not "uri-reference"; an RFC 3986 check is added for it.
/// </summary>
public sealed partial class SarifTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Repository.Root, "tests", "StreamGen.Tests", "Schemas", "sarif-2.1.0.json"))));

    private static readonly JsonSchemaValidatorSettings Settings = WithUriReference();

    [Fact]
    public async Task Sarif_output_of_real_diagnostics_validates_against_the_SARIF_2_1_0_schema()
    {
        using var temp = new TempDirectory();
        var files = new Dictionary<string, string>
        {
            ["broken.yaml"] = """
                api: { name: p, vesion: "1" }
                types:
                  Item: { attributes: { a: { type: Strin }, b: { type: Int, maxLength: 3 } }, required: [c] }
                services:
                  s:
                    methods:
                      m: { payload: Item, result: Item, http: { POST: /m, response: { status: 999 } }, grpc: {} }
                      n: { streamingResult: Item, http: { POST: "/n/{id}" } }
                """,
            ["with space/syntax error.yaml"] = "api: { name: p\nservices: [\n",
            ["größe/design.json"] = """{ "api": { "name": 1 }, "services": { "s": { "methods": { "m": { "payload": "ArrayOf(" } } } } }""",
            ["valid.yaml"] = "api: { name: p }\nservices: { s: { methods: { m: { http: { POST: /m } } } } }\n",
        };

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, text) in files)
        {
            var path = temp.Combine(name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text);

            foreach (var given in new[] { path, Path.GetRelativePath(Environment.CurrentDirectory, path) })
            {
                var (exit, sarif) = Validate(given);

                var errors = (await Schema.Value).Validate(sarif, Settings);
                Assert.True(errors.Count == 0, $"{name} ({given}): {string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} {e}"))}\n{sarif}");
                var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
                Assert.Equal(name == "valid.yaml" ? 0 : 1, exit);
                Assert.Equal(name == "valid.yaml", results.Count == 0);
                foreach (var result in results)
                {
                    codes.Add(result!["ruleId"]!.GetValue<string>());
                    var location = result["locations"]![0]!["physicalLocation"]!;
                    Assert.True(location["region"]!["startLine"]!.GetValue<int>() >= 1);
                    var uri = location["artifactLocation"]!["uri"]!.GetValue<string>();
                    Assert.True(Uri.TryCreate(uri, UriKind.RelativeOrAbsolute, out var parsed), uri);
                    Assert.EndsWith(Uri.EscapeDataString(Path.GetFileName(name)), uri, StringComparison.Ordinal);
                    var rules = JsonNode.Parse(sarif)!["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
                    Assert.Equal(result["ruleId"]!.GetValue<string>(), rules[result["ruleIndex"]!.GetValue<int>()]!["id"]!.GetValue<string>());
                }
            }
        }

        Assert.True(codes.Count >= 6, string.Join(", ", codes));
    }

    [Fact]
    public async Task The_schema_check_can_fail()
    {
        const string broken = """{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "message": { "text": "m" }, "level": "fatal", "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "a b.yaml" }, "region": { "startLine": 0 } } } ] } ] } ] }""";

        var errors = (await Schema.Value).Validate(broken, Settings);

        Assert.Contains(errors, e => e.ToString().Contains("level", StringComparison.Ordinal) || e is ChildSchemaValidationError);
        Assert.True(errors.Count >= 1);
        Assert.DoesNotMatch(UriReferenceFormat(), "a b.yaml");
    }

    private static (int Exit, string Sarif) Validate(string path)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = StreamGen.Cli.Program.Run(["validate", path, "--format", "sarif"], new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString());
    }

    private static JsonSchemaValidatorSettings WithUriReference()
    {
        var settings = new JsonSchemaValidatorSettings();
        settings.AddCustomFormatValidator(new UriReferenceValidator());
        return settings;
    }

    /// <summary>RFC 3986 URI-reference: unreserved and reserved characters, and percent-encoded octets; nothing else.</summary>
    [GeneratedRegex(@"^([A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")]
    private static partial Regex UriReferenceFormat();

    private sealed class UriReferenceValidator : IFormatValidator
    {
        public string Format => "uri-reference";

        public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.UriExpected;

        public bool IsValid(string value, Newtonsoft.Json.Linq.JTokenType tokenType) => tokenType != Newtonsoft.Json.Linq.JTokenType.String || UriReferenceFormat().IsMatch(value);
    }
}
