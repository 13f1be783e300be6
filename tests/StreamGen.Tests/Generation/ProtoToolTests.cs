using StreamGen.Tests.Support;

namespace StreamGen.Tests.Generation;

/// <summary>The generated .proto of every gRPC design passes `buf lint` with the generated buf.yaml, and protoc compiles it.</summary>
public sealed class ProtoToolTests
{
    private static readonly string Buf = Path.Combine(Repository.Root, "tests", "interop", "node_modules", ".bin", "buf");

    public static TheoryData<string> GrpcDesigns => new(Repository.DesignFiles.Select(Path.GetFileName).Where(d => Designs.GenerateFile(Path.Combine(Repository.Designs, d!)).Model!.HasGrpc)!);

    [Theory]
    [MemberData(nameof(GrpcDesigns))]
    public void Buf_lint_passes_with_the_generated_configuration(string design)
    {
        using var gen = WriteGen(design);

        var (exit, output) = Protoc.Run(BufOrFail(), ["lint"], gen.Combine("gen"));

        Assert.True(exit == 0, $"buf lint failed:\n{output}");
    }

    [Fact]
    public void Buf_lint_does_find_problems_so_the_test_above_can_fail()
    {
        using var gen = WriteGen("logger.yaml");
        File.WriteAllText(gen.Combine("gen", "buf.yaml"), "version: v2\nlint:\n  use:\n    - STANDARD\n");

        var (exit, output) = Protoc.Run(BufOrFail(), ["lint"], gen.Combine("gen"));

        Assert.NotEqual(0, exit);
        Assert.Contains("should be suffixed with a correctly formed version", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(GrpcDesigns))]
    public void Protoc_compiles_the_generated_proto(string design)
    {
        using var gen = WriteGen(design);
        var proto = Designs.GenerateFile(Path.Combine(Repository.Designs, design)).Model!.Proto!;

        var files = Protoc.CompileToCSharp(gen.Combine("gen"), proto.RelativePath, gen.Combine("out"));

        Assert.Equal(2, files.Count);
    }

    private static TempDirectory WriteGen(string design)
    {
        var temp = new TempDirectory();
        foreach (var file in Designs.GenerateFile(Path.Combine(Repository.Designs, design)).Files.Where(f => f.RelativePath.StartsWith("gen/", StringComparison.Ordinal)))
        {
            var path = temp.Combine(file.RelativePath.Split('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
        }

        return temp;
    }

    private static string BufOrFail()
    {
        StreamGen.E2E.Tests.Support.NodePackages.Ensure(Path.Combine(Repository.Root, "tests", "interop"));
        return Buf;
    }
}
