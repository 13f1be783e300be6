using StreamGen.Generation;
using StreamGen.Diagnostics;

namespace StreamGen.Tests.Support;

/// <summary>Runs the pipeline on design text held by a test.</summary>
internal static class Designs
{
    public static GenerationOptions Options { get; } = new(StreamGen.Cli.ToolVersion.Value);

    public static IReadOnlyList<Diagnostic> Diagnose(string text, string file = "design.yaml") =>
        StreamGenerator.Analyze(text, file, Options).Diagnostics;

    public static GenerationResult Generate(string text, string file = "design.yaml", string? templates = null) =>
        StreamGenerator.Generate(text, file, Options with { TemplatesDirectory = templates });

    public static StreamGen.Model.ApiModel Model(string text)
    {
        var result = StreamGenerator.Analyze(text, "design.yaml", Options);
        Assert.True(result.Model is not null, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    public static GenerationResult GenerateFile(string path) =>
        StreamGenerator.Generate(File.ReadAllText(path), "designs/" + System.IO.Path.GetFileName(path), Options);
}
