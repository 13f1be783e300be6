using System.Globalization;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.Generation;

public sealed class DeterminismTests
{
    [Fact]
    public void Same_design_gives_the_same_bytes_whatever_the_culture_and_newlines()
    {
        var path = Path.Combine(Repository.Designs, "chat.yaml");
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

        var first = Designs.Generate(text, "designs/chat.yaml");
        var second = Designs.Generate(text, "designs/chat.yaml");
        var culture = CultureInfo.CurrentCulture;
        GenerationResultPair finnish;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fi-FI");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fi-FI");
            finnish = new(Designs.Generate(text.Replace("\n", "\r\n", StringComparison.Ordinal), "designs/chat.yaml"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        Assert.True(first.Succeeded);
        Assert.Equal(Snapshot(first), Snapshot(second));
        Assert.Equal(Snapshot(first), Snapshot(finnish.Result));
        Assert.All(first.Files, f => Assert.DoesNotContain('\r', f.Content));
    }

    [Fact]
    public void Output_does_not_depend_on_where_the_design_lives()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Designs, "counter.json"));

        var here = Designs.Generate(text, "designs/counter.json");
        var there = Designs.Generate(text, "/somewhere/else/counter.json");

        Assert.Equal(Snapshot(here), Snapshot(there));
    }

    private static List<(string, string)> Snapshot(StreamGen.Generation.GenerationResult result) =>
        result.Files.Select(f => (f.RelativePath, f.Content)).ToList();

    private sealed record GenerationResultPair(StreamGen.Generation.GenerationResult Result);
}
