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

        // The registry reserves what the generated code names: a design name can then never hide or shadow one.
        Assert.Empty(GeneratedNames.UnreservedUnqualifiedNames(result, generated.Model!));
        Assert.Empty(GeneratedNames.UnknownLocals(result, generated.Model!));
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

    [Fact]
    public void A_name_used_unqualified_or_a_local_the_registry_does_not_know_is_reported()
    {
        var generated = Designs.GenerateFile(Path.Combine(Repository.Designs, "counter.json"));
        var planted = $"namespace {generated.Model!.Namespace};\ninternal static class Planted\n{{\n    public static object M(int plantedLocal) => typeof(Lazy<int>);\n}}\n";
        var result = GeneratedCompilation.Compile(
            generated with { Files = [.. generated.Files, new StreamGen.Generation.RenderedFile("gen/Planted.g.cs", planted, StreamGen.Generation.Ownership.Generated)] },
            "planted");

        Assert.Contains("Lazy", GeneratedNames.UnreservedUnqualifiedNames(result, generated.Model));
        Assert.Contains("plantedLocal", GeneratedNames.UnknownLocals(result, generated.Model));
    }
}
