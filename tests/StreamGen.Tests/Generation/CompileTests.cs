using StreamGen.Tests.Support;

namespace StreamGen.Tests.Generation;

/// <summary>Every file generated from every design in designs/ compiles, with zero warnings under nullable and warnings-as-errors.</summary>
public sealed class CompileTests
{
    public static TheoryData<string> DesignFiles => new(Repository.DesignFiles.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(DesignFiles))]
    public void Generated_project_compiles_without_a_single_warning(string design)
    {
        var generated = Designs.GenerateFile(Path.Combine(Repository.Designs, design));
        Assert.True(generated.Succeeded, string.Join("\n", generated.Diagnostics));

        var result = GeneratedCompilation.Compile(generated, Path.GetFileNameWithoutExtension(design));

        Assert.Empty(result.Problems.Select(d => d.ToString()));
        Assert.Contains(result.Compilation.SyntaxTrees, t => t.FilePath.Contains("JsonSourceGenerator", StringComparison.Ordinal));
    }
}

/// <summary>The compile check above can fail: a warning in any file is a problem.</summary>
public sealed class CompileHarnessTests
{
    [Fact]
    public void A_warning_in_generated_code_is_reported()
    {
        var generated = Designs.GenerateFile(Path.Combine(Repository.Designs, "counter.json"));
        var broken = generated with
        {
            Files = [.. generated.Files, new StreamGen.Generation.RenderedFile("gen/Broken.g.cs", "#nullable enable\nnamespace X; static class Broken { static string M() => null; }\n", StreamGen.Generation.Ownership.Generated)],
        };

        var result = GeneratedCompilation.Compile(broken, "broken");

        Assert.Contains(result.Problems, d => d.Id == "CS8603");
    }
}
