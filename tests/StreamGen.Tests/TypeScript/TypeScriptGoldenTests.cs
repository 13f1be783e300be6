using StreamGen.Generation;
using StreamGen.Tests.Support;

namespace StreamGen.Tests.TypeScript;

/// <summary>
/// The TypeScript client of every design in designs/ against its copy in Golden/typescript/&lt;design&gt;/ (a folder
/// of its own: the C# golden folders are replaced whole when refreshed). The runtime is kept once, with the logger's
/// module; every other design's runtime must be the same file but for its header. STREAMGEN_UPDATE_GOLDEN=1 rewrites
/// the copies; read the diff before committing.
/// </summary>
public sealed class TypeScriptGoldenTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("STREAMGEN_UPDATE_GOLDEN") == "1";

    private static string Root => Path.Combine(Repository.Golden, "typescript");

    public static TheoryData<string> DesignFiles => new(Repository.DesignFiles.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(DesignFiles))]
    public void The_module_matches_the_golden_copy(string design)
    {
        var files = Generate(design);
        var module = files.Single(f => f.RelativePath != "gen/streamgen.ts");
        var runtime = files.Single(f => f.RelativePath == "gen/streamgen.ts");
        var directory = Path.Combine(Root, Path.GetFileNameWithoutExtension(design));
        var keep = design == "logger.yaml" ? files : [module];
        if (Update)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach (var file in keep)
            {
                File.WriteAllText(Path.Combine(directory, Name(file)), file.Content);
            }

            return;
        }

        Assert.Equal(keep.Select(Name).Order(StringComparer.Ordinal), Directory.EnumerateFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in keep)
        {
            var golden = File.ReadAllText(Path.Combine(directory, Name(file)));
            Assert.True(golden == file.Content, $"{design}: {Name(file)} differs from its golden copy; run with STREAMGEN_UPDATE_GOLDEN=1 and read the diff.");
        }

        var loggerRuntime = File.ReadAllText(Path.Combine(Root, "logger", "streamgen.ts"));
        Assert.Equal(WithoutHeader(loggerRuntime), WithoutHeader(runtime.Content));
    }

    [Fact]
    public void Output_is_the_same_under_another_culture()
    {
        var expected = Generate("chat.yaml");
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fi-FI");
            Assert.Equal(expected.Select(f => f.Content), Generate("chat.yaml").Select(f => f.Content));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    private static IReadOnlyList<RenderedFile> Generate(string design)
    {
        var analysis = StreamGenerator.Analyze(File.ReadAllText(Path.Combine(Repository.Designs, design)), "designs/" + design, Designs.Options);
        Assert.True(analysis.Model is not null, string.Join("\n", analysis.Diagnostics));
        var generated = StreamGenerator.GenerateTypeScript(analysis.Model!, Designs.Options);
        Assert.True(generated.Succeeded, string.Join("\n", generated.Diagnostics));
        return generated.Files;
    }

    private static string Name(RenderedFile file) => file.RelativePath["gen/".Length..];

    private static string WithoutHeader(string content) => string.Join('\n', content.Split('\n').SkipWhile(line => line.StartsWith("//", StringComparison.Ordinal)));
}
