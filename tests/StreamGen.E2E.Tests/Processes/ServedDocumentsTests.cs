using System.Net;
using Microsoft.OpenApi;
using StreamGen.E2E.Tests.Support;

namespace StreamGen.E2E.Tests.Processes;

/// <summary>
/// The running logger example describes itself: /openapi.json and /asyncapi.yaml are the documents in its gen/, served
/// from the assembly, and what a client fetches passes Microsoft.OpenApi and @asyncapi/parser.
/// </summary>
public sealed class ServedDocumentsTests
{
    private static readonly string Gen = Path.Combine(Node.RepositoryRoot, "examples", "logger", "gen");

    [Fact]
    public async Task The_example_serves_its_openapi_and_asyncapi_documents()
    {
        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        await using var example = ExampleProcess.Start([$"--Http:Port={http}", $"--Grpc:Port={grpc}"]);
        await example.WaitForOutputAsync($"listening on http://localhost:{http}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}/") };

        using var openApi = await client.GetAsync("openapi.json");
        using var asyncApi = await client.GetAsync("asyncapi.yaml");

        Assert.Equal((HttpStatusCode.OK, "application/json"), (openApi.StatusCode, openApi.Content.Headers.ContentType?.MediaType));
        Assert.Equal((HttpStatusCode.OK, "application/yaml"), (asyncApi.StatusCode, asyncApi.Content.Headers.ContentType?.MediaType));
        var json = await openApi.Content.ReadAsStringAsync();
        var yaml = await asyncApi.Content.ReadAsStringAsync();
        Assert.Equal(File.ReadAllText(Path.Combine(Gen, "openapi.json")), json);
        Assert.Equal(File.ReadAllText(Path.Combine(Gen, "asyncapi.yaml")), yaml);

        // What a client received is what the tools accept.
        var (document, diagnostic) = OpenApiDocument.Parse(json, "json");
        Assert.Empty(diagnostic!.Errors.Concat(diagnostic.Warnings).Select(e => e.ToString()));
        Assert.Contains("/logs/{topic}/events", document!.Paths.Keys);
        var served = Path.Combine(Path.GetTempPath(), $"streamgen-served-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(served, yaml);
        try
        {
            var parsed = await Node.RunAsync("validate-documents.mjs", "asyncapi", served);
            Assert.True(parsed.ExitCode == 0, parsed.Output + parsed.Error);
            Assert.Contains("4 channels, 5 operations", parsed.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(served);
        }
    }
}
