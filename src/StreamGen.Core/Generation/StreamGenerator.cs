using StreamGen.Design;
using StreamGen.Generation.Planners;
using StreamGen.Model;
using StreamGen.Validation;

namespace StreamGen.Generation;

public sealed record GenerationOptions(string ToolVersion, string? TemplatesDirectory = null);

/// <summary>The outcome of a run: every diagnostic, the model when the design was valid, and the rendered files when rendering succeeded.</summary>
public sealed record GenerationResult(IReadOnlyList<Diagnostic> Diagnostics, ApiModel? Model, IReadOnlyList<RenderedFile> Files)
{
    public bool Succeeded => Diagnostics.All(d => !d.IsError);
}

/// <summary>
/// The pipeline, stage by stage: parse (positions kept) → bind → validate (every error at once) → resolve the
/// model → plan files → render templates → tidy and parse the C#. Nothing is written here; see <see cref="OutputWriter"/>.
/// </summary>
public static class StreamGenerator
{
    /// <summary>Parses, validates and resolves; stops before rendering.</summary>
    public static GenerationResult Analyze(string designText, string displayPath, GenerationOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var source = DesignLoader.Parse(designText, displayPath, diagnostics);
        ApiModel? model = null;
        if (source.Document is { } document)
        {
            var index = DesignValidator.Validate(document, diagnostics);
            if (!diagnostics.HasErrors)
            {
                model = ModelBuilder.Build(document, index, diagnostics, new ModelBuilderOptions(options.ToolVersion, Path.GetFileName(displayPath)));
            }
        }

        return new GenerationResult(diagnostics.Sorted(), model, []);
    }

    public static GenerationResult Generate(string designText, string displayPath, GenerationOptions options)
    {
        var analysis = Analyze(designText, displayPath, options);
        if (analysis.Model is not { } model)
        {
            return analysis;
        }

        var diagnostics = new DiagnosticBag();
        var loader = new TemplateLoader(options.TemplatesDirectory);
        diagnostics.AddRange(loader.CheckOverrides());
        if (diagnostics.HasErrors)
        {
            return new GenerationResult(diagnostics.Sorted(), model, []);
        }

        var renderer = new TemplateRenderer(loader, model);
        var files = new List<RenderedFile>();
        foreach (var file in FilePlanner.Plan(model))
        {
            var parts = file.Sections.Select(section => renderer.Render(section, diagnostics)).ToList();
            if (parts.Any(p => p is null))
            {
                continue;
            }

            var content = OutputFormatter.Tidy(string.Concat(parts));
            if (file.IsCSharp)
            {
                CSharpOutputCheck.Check(file.RelativePath, string.Join("+", file.Sections.Select(s => s.Name)), content, diagnostics);
            }

            files.Add(new RenderedFile(file.RelativePath, content, file.Ownership));
        }

        return diagnostics.HasErrors
            ? new GenerationResult(diagnostics.Sorted(), model, [])
            : new GenerationResult(analysis.Diagnostics.Concat(diagnostics.Sorted()).ToList(), model, files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList());
    }
}
