using StreamGen.Tests.Support;

namespace StreamGen.Tests.Synthetic;

/// <summary>The synthetic design the speed benchmark uses is valid and its generated code compiles (at a size a test can afford).</summary>
public sealed class SyntheticDesignTests
{
    [Fact]
    public void A_thousand_method_design_is_valid_and_generates_every_method()
    {
        var result = Designs.Generate(SyntheticDesign.Create(1000), "synthetic.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
        Assert.Equal(1000, result.Model!.Services.Sum(s => s.Methods.Count));
        Assert.Equal(20, result.Model.Services.Count);
    }

    [Fact]
    public void A_smaller_synthetic_design_compiles()
    {
        var generated = Designs.Generate(SyntheticDesign.Create(60), "synthetic.yaml");

        Assert.Empty(GeneratedCompilation.Compile(generated, "synthetic").Problems.Select(d => d.ToString()));
    }
}
