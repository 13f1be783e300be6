using StreamGen.Generation;
using StreamGen.Model;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Generation;

/// <summary>What a run may override in a design (StreamGenDesign's Namespace and Transports metadata, gen --namespace / --transports).</summary>
public sealed class GenerationOptionsTests
{
    private static GenerationResult Generate(string design, GenerationOptions options) =>
        StreamGenerator.Generate(File.ReadAllText(Path.Combine(Repository.Designs, design)), "designs/" + design, options);

    [Theory]
    [InlineData(Transports.Http)]
    [InlineData(Transports.Grpc)]
    public void One_transport_generates_only_its_files_and_still_compiles(Transports transports)
    {
        var generated = Generate("chat.yaml", Designs.Options with { Transports = transports });
        Assert.True(generated.Succeeded, string.Join("\n", generated.Diagnostics));
        var paths = generated.Files.Select(f => f.RelativePath).ToList();

        var compiled = GeneratedCompilation.Compile(generated, "chat_" + transports);

        Assert.Empty(compiled.Problems.Select(d => d.ToString()));
        Assert.Equal(transports == Transports.Http, paths.Any(p => p.Contains("/Http/", StringComparison.Ordinal)));
        Assert.Equal(transports == Transports.Grpc, paths.Any(p => p.Contains("/Grpc/", StringComparison.Ordinal) || p.EndsWith(".proto", StringComparison.Ordinal)));
        Assert.Equal(transports == Transports.Grpc, generated.Model!.HasGrpc);
        Assert.Equal(transports == Transports.Http, generated.Model.HasHttp);
        var props = generated.Files.Single(f => f.RelativePath == "gen/StreamGen.props").Content;
        Assert.Equal(transports == Transports.Grpc, props.Contains("Grpc.AspNetCore", StringComparison.Ordinal));
        Assert.Contains(generated.Files, f => f.RelativePath.EndsWith("IChatService.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_transport_is_the_default()
    {
        Assert.Equal(
            Generate("counter.json", Designs.Options).Files.Select(f => (f.RelativePath, f.Content)),
            Generate("counter.json", Designs.Options with { Transports = Transports.All }).Files.Select(f => (f.RelativePath, f.Content)));
    }

    [Fact]
    public void A_namespace_replaces_the_designs_in_every_file_and_the_proto()
    {
        var generated = Generate("counter.json", Designs.Options with { Namespace = "Other.Counting" });
        Assert.True(generated.Succeeded, string.Join("\n", generated.Diagnostics));

        var csharp = generated.Files.Where(f => f.RelativePath.EndsWith(".cs", StringComparison.Ordinal)).ToList();
        Assert.All(csharp, f => Assert.DoesNotContain("Acme.Counter", f.Content, StringComparison.Ordinal));
        Assert.Contains(csharp, f => f.Content.Contains("namespace Other.Counting;", StringComparison.Ordinal));
        Assert.Contains(csharp, f => f.Content.Contains("namespace Other.Counting.Runtime;", StringComparison.Ordinal));
        Assert.Contains("option csharp_namespace = \"Other.Counting", generated.Files.Single(f => f.RelativePath.EndsWith(".proto", StringComparison.Ordinal)).Content, StringComparison.Ordinal);
        Assert.Empty(GeneratedCompilation.Compile(generated, "counter_ns").Problems.Select(d => d.ToString()));
    }
}
