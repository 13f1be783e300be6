using System.Diagnostics;
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

    /// <summary>Where the run's time goes (the CLI sets it under <c>STREAMGEN_TIMINGS=1</c>); null records nothing.</summary>
    public GenerationTimings? Timings { get; init; }
}

/// <summary>The outcome of a run: every diagnostic, the model when the design was valid, and the rendered files when rendering succeeded.</summary>
public sealed record GenerationResult(IReadOnlyList<Diagnostic> Diagnostics, ApiModel? Model, IReadOnlyList<RenderedFile> Files)
{
    public bool Succeeded => Diagnostics.All(d => !d.IsError);
}

/// <summary>
/// The pipeline, stage by stage: parse (positions kept) → bind → validate (every error at once) → resolve the
/// model → plan files → render templates → tidy (and parse the C# of overridden templates). Nothing is written
/// here; see <see cref="OutputWriter"/>.
/// </summary>
public static class StreamGenerator
{
    /// <summary>Parses, validates and resolves; stops before rendering.</summary>
    public static GenerationResult Analyze(string designText, string displayPath, GenerationOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var timings = options.Timings;
        var source = Stage(timings, "parse + bind", () => DesignLoader.Parse(designText, displayPath, diagnostics));
        ApiModel? model = null;
        if (source.Document is { } document)
        {
            var index = Stage(timings, "validate", () => DesignValidator.Validate(document, diagnostics));
            if (!diagnostics.HasErrors)
            {
                model = Stage(timings, "model", () => ModelBuilder.Build(document, index, diagnostics, new ModelBuilderOptions(options.ToolVersion, Path.GetFileName(displayPath), Runtime: options.Runtime)
                {
                    Namespace = options.Namespace,
                    Transports = options.Transports,
                    Documents = options.Documents,
                }));
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

        var plan = Stage(options.Timings, "plan", () => FilePlanner.Plan(model));
        var rendered = Render(model, plan, options, RuntimeSources.For(model), documents: true);
        return rendered.Succeeded ? rendered with { Diagnostics = analysis.Diagnostics.Concat(rendered.Diagnostics).ToList() } : rendered;
    }

    /// <summary>
    /// The TypeScript client of an analyzed design (<c>gen --typescript</c>): its runtime and module, planned under gen/
    /// for a writer whose generated folder is the TypeScript folder.
    /// </summary>
    public static GenerationResult GenerateTypeScript(ApiModel model, GenerationOptions options) =>
        Render(model, TypeScriptPlanner.Plan(model), options, [], documents: false);

    /// <summary>
    /// The command-line client of an analyzed design (<c>gen --cli DIR</c>): its project file (created once), and under
    /// gen/ its commands, its props and the runtime's Cli area, for a writer whose output folder is DIR.
    /// <paramref name="serviceProject"/> is the service project it references, relative to DIR.
    /// </summary>
    public static GenerationResult GenerateCli(ApiModel model, GenerationOptions options, string serviceProject)
    {
        var cli = model with { Cli = model.Cli with { ServiceProject = "../" + serviceProject.Replace('\\', '/') } };
        return Render(cli, CliPlanner.Plan(cli), options, RuntimeSources.ForCli(cli), documents: false);
    }

    private static GenerationResult Render(ApiModel model, IReadOnlyList<OutputFile> plan, GenerationOptions options, IEnumerable<RuntimeSource> runtime, bool documents)
    {
        var diagnostics = new DiagnosticBag();
        var timings = options.Timings;
        var loader = new TemplateLoader(options.TemplatesDirectory);
        diagnostics.AddRange(loader.CheckOverrides());
        if (diagnostics.HasErrors)
        {
            return new GenerationResult(diagnostics.Sorted(), model, []);
        }

        var renderer = new TemplateRenderer(loader, model);
        Stage(timings, "parse templates", () => renderer.Prepare(diagnostics));
        if (diagnostics.HasErrors)
        {
            return new GenerationResult(diagnostics.Sorted(), model, []);
        }

        // Files are independent once the model is resolved; rendering is most of the time on a large design, so files
        // render in parallel and are gathered back in plan order.
        var outcomes = new (RenderedFile? File, DiagnosticBag Diagnostics)[plan.Count];
        // Only templates overridden by the user are checked by a Roslyn parse of their output (SG9003): the built-in ones are
        // proven by the golden, compile and property tests, and parsing every file cost as much CPU as rendering it.
        var checkCSharp = options.TemplatesDirectory is not null;
        // A statement: as an expression the lambda would return ParallelLoopResult, a framework struct, and make Stage<T> generic
        // code over it that ReadyToRun cannot precompile.
        Stage(timings, "render", () => { Parallel.For(0, plan.Count, i => outcomes[i] = RenderFile(plan[i], renderer, checkCSharp, timings)); });
        var files = new List<RenderedFile>(plan.Count);
        foreach (var (file, fileDiagnostics) in outcomes)
        {
            diagnostics.AddRange(fileDiagnostics.Items);
            if (file is not null)
            {
                files.Add(file);
            }
        }

        Stage(timings, "runtime sources", () => files.AddRange(CopyRuntime(model, runtime, renderer, diagnostics)));
        if (documents)
        {
            Stage(timings, "documents", () => files.AddRange(DocumentPlanner.Plan(model)));
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
    private static IEnumerable<RenderedFile> CopyRuntime(ApiModel model, IEnumerable<RuntimeSource> sources, TemplateRenderer renderer, DiagnosticBag diagnostics)
    {
        foreach (var source in sources)
        {
            if (renderer.Render(new Section("runtime-header", FilePlanner.RuntimeHeaderTemplate, model), source.Path, diagnostics) is { } header)
            {
                yield return new RenderedFile(source.OutputPath, OutputFormatter.Tidy(header) + "\n" + RuntimeSources.Rewrite(source, model.RuntimeNamespace), Ownership.Generated);
            }
        }
    }

    private static T Stage<T>(GenerationTimings? timings, string name, Func<T> stage) => timings is null ? stage() : timings.Measure(name, stage);

    private static void Stage(GenerationTimings? timings, string name, Action stage) =>
        Stage(timings, name, () =>
        {
            stage();
            return true;
        });

    private static (RenderedFile?, DiagnosticBag) RenderFile(OutputFile file, TemplateRenderer renderer, bool checkCSharp, GenerationTimings? timings)
    {
        var diagnostics = new DiagnosticBag();
        var parts = new List<string>(file.Sections.Count);
        var start = Stopwatch.GetTimestamp();
        foreach (var section in file.Sections)
        {
            if (renderer.Render(section, file.TemplatePath, diagnostics) is not { } part)
            {
                return (null, diagnostics);
            }

            parts.Add(part);
        }

        timings?.AddPerFile("render", start);
        start = Stopwatch.GetTimestamp();
        var content = OutputFormatter.Tidy(string.Concat(parts));
        timings?.AddPerFile("tidy", start);
        if (file.IsCSharp && checkCSharp)
        {
            start = Stopwatch.GetTimestamp();
            CSharpOutputCheck.Check(file.RelativePath, string.Join("+", file.Sections.Select(s => s.Name)), content, diagnostics);
            timings?.AddPerFile("check C#", start);
        }

        return (new RenderedFile(file.RelativePath, content, file.Ownership), diagnostics);
    }
}
