using StreamGen.E2E.Tests.Support;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Documents;

/// <summary>
/// Every design's documents pass the tools their users reach for: @asyncapi/parser with no error and no warning, and
/// `redocly lint` (with the repository's redocly.yaml) with no error, both driven by tests/interop/validate-documents.mjs.
/// </summary>
public sealed class DocumentValidationTests
{
    private static readonly string Config = Path.Combine(Repository.Root, "redocly.yaml");

    /// <summary>designs/*.yaml|json and designs/goa/, when it exists.</summary>
    public static TheoryData<string> AllDesigns => new(Repository.DesignFiles
        .Concat(Directory.Exists(Path.Combine(Repository.Designs, "goa")) ? Directory.EnumerateFiles(Path.Combine(Repository.Designs, "goa")).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)) : [])
        .Select(f => Path.GetRelativePath(Repository.Designs, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(AllDesigns))]
    public async Task The_asyncapi_parser_reports_no_error_and_no_warning(string design)
    {
        using var documents = Write(design);
        if (!File.Exists(documents.Combine("asyncapi.yaml")))
        {
            // Only streaming routes are described in AsyncAPI: a design without one has no such document, and its
            // OpenAPI document then points nowhere else.
            Assert.DoesNotContain("asyncapi.yaml", File.ReadAllText(documents.Combine("openapi.json")), StringComparison.Ordinal);
            return;
        }

        var (exit, output, error) = await Node.RunAsync("validate-documents.mjs", "asyncapi", documents.Combine("asyncapi.yaml"));

        Assert.True(exit == 0, $"@asyncapi/parser on {design}:\n{output}{error}");
        Assert.Contains("0 errors and warnings", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllDesigns))]
    public async Task Redocly_lint_reports_no_error(string design)
    {
        using var documents = Write(design);

        var (exit, output, error) = await Node.RunAsync("validate-documents.mjs", "openapi", Config, documents.Combine("openapi.json"));

        Assert.True(exit == 0, $"redocly lint on {design}:\n{output}{error}");
        Assert.Contains("redocly lint: 0 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Designs_with_hostile_names_and_values_pass_both_validators()
    {
        using var temp = new TempDirectory();
        var designs = new Dictionary<string, string>
        {
            ["values"] = HostileDocumentDesign.Text,
            ["members"] = Names.HostileNameDesigns.Members,
            ["locals"] = Names.HostileNameDesigns.Locals,
            ["types"] = Names.HostileNameDesigns.Types,
            ["unicode"] = Names.HostileNameDesigns.Unicode,
        };
        var asyncApi = new List<string>();
        var openApi = new List<string>();
        foreach (var (name, text) in designs)
        {
            var files = Designs.Generate(text, $"{name}.yaml").Files;
            foreach (var file in files.Where(f => f.RelativePath is "gen/openapi.json" or "gen/asyncapi.yaml"))
            {
                var path = temp.Combine($"{name}.{file.RelativePath[4..]}");
                File.WriteAllText(path, file.Content);
                (path.EndsWith(".yaml", StringComparison.Ordinal) ? asyncApi : openApi).Add(path);
            }
        }

        var parsed = await Node.RunAsync("validate-documents.mjs", ["asyncapi", .. asyncApi]);
        var linted = await Node.RunAsync("validate-documents.mjs", ["openapi", Config, .. openApi]);

        Assert.True(asyncApi.Count >= 2 && openApi.Count == designs.Count, string.Join(", ", asyncApi.Concat(openApi)));
        Assert.True(parsed.ExitCode == 0, parsed.Output + parsed.Error);
        Assert.True(linted.ExitCode == 0, linted.Output + linted.Error);
    }

    [Fact]
    public async Task The_validators_find_problems_so_the_tests_above_can_fail()
    {
        using var documents = Write("logger.yaml");
        var asyncApi = documents.Combine("asyncapi.yaml");
        var openApi = documents.Combine("openapi.json");
        File.WriteAllText(asyncApi, File.ReadAllText(asyncApi).Replace("#/channels/logger.watch/messages/FilterUpdate", "#/channels/logger.watch/messages/Nothing", StringComparison.Ordinal));
        File.WriteAllText(openApi, File.ReadAllText(openApi).Replace("\"operationId\": \"logger.recent\"", "\"operationId\": \"logger.watch\"", StringComparison.Ordinal));

        var parsed = await Node.RunAsync("validate-documents.mjs", "asyncapi", asyncApi);
        var linted = await Node.RunAsync("validate-documents.mjs", "openapi", Config, openApi);

        Assert.Equal(1, parsed.ExitCode);
        Assert.Contains("error invalid-ref", parsed.Output, StringComparison.Ordinal);
        Assert.Equal(1, linted.ExitCode);
        Assert.Contains("error operation-operationId-unique", linted.Output, StringComparison.Ordinal);
    }

    private static TempDirectory Write(string design)
    {
        var temp = new TempDirectory();
        foreach (var file in Designs.GenerateFile(Path.Combine(Repository.Designs, design)).Files.Where(f => f.RelativePath is "gen/openapi.json" or "gen/asyncapi.yaml"))
        {
            File.WriteAllText(temp.Combine(file.RelativePath[4..]), file.Content);
        }

        return temp;
    }
}
