using StreamGen.Design;
using StreamGen.Diagnostics;
using StreamGen.Generation.Planners;
using StreamGen.Model;
using StreamGen.Validation;

namespace StreamGen.Generation;

/// <summary>
/// How a run generates: the tool version (in headers), a folder of template overrides, the runtime mode when the command
/// line sets it (null: the design's), and what the caller overrides in the design: the namespace (already checked to be
/// one) and the transports to generate; and whether to write the API's documents.
/// </summary>
public sealed record GenerationOptions(string ToolVersion, string? TemplatesDirectory = null, RuntimeMode? Runtime = null)
{
    public string? Namespace { get; init; }

    public Transports Transports { get; init; } = Transports.All;

    /// <summary>Whether to write the OpenAPI and AsyncAPI documents (and serve them from the host).</summary>
    public bool Documents { get; init; } = true;
}

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
                model = ModelBuilder.Build(document, index, diagnostics, new ModelBuilderOptions(options.ToolVersion, Path.GetFileName(displayPath), Runtime: options.Runtime)
                {
                    Namespace = options.Namespace,
                    Transports = options.Transports,
                    Documents = options.Documents,
                });
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

        var rendered = Render(model, FilePlanner.Plan(model), options, copyRuntime: true);
        return rendered.Succeeded ? rendered with { Diagnostics = analysis.Diagnostics.Concat(rendered.Diagnostics).ToList() } : rendered;
    }

    /// <summary>
    /// The TypeScript client of an analyzed design (<c>gen --typescript</c>): its runtime and module, planned under gen/
    /// for a writer whose generated folder is the TypeScript folder.
    /// </summary>
    public static GenerationResult GenerateTypeScript(ApiModel model, GenerationOptions options) =>
        Render(model, TypeScriptPlanner.Plan(model), options, copyRuntime: false);

    private static GenerationResult Render(ApiModel model, IReadOnlyList<OutputFile> plan, GenerationOptions options, bool copyRuntime)
    {
        var diagnostics = new DiagnosticBag();
        var loader = new TemplateLoader(options.TemplatesDirectory);
        diagnostics.AddRange(loader.CheckOverrides());
        if (diagnostics.HasErrors)
        {
            return new GenerationResult(diagnostics.Sorted(), model, []);
        }

        var renderer = new TemplateRenderer(loader, model);
        renderer.Prepare(diagnostics);
        if (diagnostics.HasErrors)
        {
            return new GenerationResult(diagnostics.Sorted(), model, []);
        }

        // Files are independent once the model is resolved; rendering and the Roslyn parse are most of the time on a
        // large design, so they run in parallel and are gathered back in plan order.
        var outcomes = new (RenderedFile? File, DiagnosticBag Diagnostics)[plan.Count];
        Parallel.For(0, plan.Count, i => outcomes[i] = RenderFile(plan[i], renderer));
        var files = new List<RenderedFile>(plan.Count);
        foreach (var (file, fileDiagnostics) in outcomes)
        {
            diagnostics.AddRange(fileDiagnostics.Items);
            if (file is not null)
            {
                files.Add(file);
            }
        }

        if (copyRuntime)
        {
            // The C# output (not the TypeScript folder) carries the runtime and the API's documents.
            files.AddRange(CopyRuntime(model, renderer, diagnostics));
            files.AddRange(DocumentPlanner.Plan(model));
        }

        // A broken shared partial fails every file that includes it; report each place once.
        diagnostics = DiagnosticBag.Of(diagnostics.Items.DistinctBy(d => d.ToString()));
        return diagnostics.HasErrors
            ? new GenerationResult(diagnostics.Sorted(), model, [])
            : new GenerationResult(diagnostics.Sorted(), model, files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The runtime's sources for gen/Runtime: a header naming the library file it was copied from, a blank line, then the
    /// library's file with only its namespace rewritten (so the copy can be checked against the library byte for byte).
    /// </summary>
    private static IEnumerable<RenderedFile> CopyRuntime(ApiModel model, TemplateRenderer renderer, DiagnosticBag diagnostics)
    {
        foreach (var source in RuntimeSources.For(model))
        {
            if (renderer.Render(new Section("runtime-header", FilePlanner.RuntimeHeaderTemplate, model), source.Path, diagnostics) is { } header)
            {
                yield return new RenderedFile(source.OutputPath, OutputFormatter.Tidy(header) + "\n" + RuntimeSources.Rewrite(source, model.RuntimeNamespace), Ownership.Generated);
            }
        }
    }

    private static (RenderedFile?, DiagnosticBag) RenderFile(OutputFile file, TemplateRenderer renderer)
    {
        var diagnostics = new DiagnosticBag();
        var parts = new List<string>(file.Sections.Count);
        foreach (var section in file.Sections)
        {
            if (renderer.Render(section, file.TemplatePath, diagnostics) is not { } part)
            {
                return (null, diagnostics);
            }

            parts.Add(part);
        }

        var content = OutputFormatter.Tidy(string.Concat(parts));
        if (file.IsCSharp)
        {
            CSharpOutputCheck.Check(file.RelativePath, string.Join("+", file.Sections.Select(s => s.Name)), content, diagnostics);
        }

        return (new RenderedFile(file.RelativePath, content, file.Ownership), diagnostics);
    }
}
