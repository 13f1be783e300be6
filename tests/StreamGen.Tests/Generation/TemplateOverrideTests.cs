using StreamGen.Tests.Support;
using StreamGen.Tests.Synthetic;

namespace StreamGen.Tests.Generation;

/// <summary>Templates can be overridden from a folder; a broken override fails loudly with a position, never silently.</summary>
public sealed class TemplateOverrideTests
{
    private static readonly string Design = File.ReadAllText(Path.Combine(Repository.Designs, "counter.json"));

    [Fact]
    public void An_override_replaces_the_built_in_template_at_the_same_path()
    {
        using var templates = new TempDirectory();
        WriteOverride(templates, "csharp/service/errors.cs.sbn", "namespace {{ api.Namespace }};\n\n// errors of {{ model.DesignName }}, by my template\npublic static class {{ model.ErrorsClassName }};\n");

        var result = Designs.Generate(Design, "counter.json", templates.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("// errors of counter, by my template", result.Files.Single(f => f.RelativePath == "gen/Counter/CounterErrors.g.cs").Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_syntax_error_is_SG9001_at_its_line_and_column()
    {
        using var templates = new TempDirectory();
        WriteOverride(templates, "csharp/service/errors.cs.sbn", "namespace {{ api.Namespace }};\n{{ for x in }}\n");

        var errors = Designs.Generate(Design, "counter.json", templates.Path).Diagnostics.Where(d => d.IsError).ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("SG9001", e.Id));
        Assert.EndsWith("errors.cs.sbn", errors[0].Span.File, StringComparison.Ordinal);
        Assert.Equal((2, 13), (errors[0].Span.Line, errors[0].Span.Column));
    }

    [Fact]
    public void A_broken_partial_every_file_includes_is_reported_once()
    {
        using var templates = new TempDirectory();
        WriteOverride(templates, "csharp/_partials/generated_code.sbn", "{{ if }}\n");

        var errors = Designs.Generate(SyntheticDesign.Create(40), "synthetic.yaml", templates.Path).Diagnostics.Where(d => d.IsError).ToList();

        // Scriban reports two problems in `{{ if }}`; what matters is they are the partial's, not one per file.
        Assert.InRange(errors.Count, 1, 2);
        Assert.All(errors, e => Assert.Equal(("SG9001", 1), (e.Id, e.Span.Line)));
        Assert.All(errors, e => Assert.EndsWith("generated_code.sbn", e.Span.File, StringComparison.Ordinal));
    }

    [Fact]
    public void An_overridden_partial_is_used_in_every_file_that_includes_it()
    {
        using var templates = new TempDirectory();
        WriteOverride(templates, "csharp/_partials/generated_code.sbn", "[global::System.CodeDom.Compiler.GeneratedCode(\"Mine\", \"1\")]\n");

        var result = Designs.Generate(SyntheticDesign.Create(40), "synthetic.yaml", templates.Path);
        var records = result.Files.Where(f => f.RelativePath.StartsWith("gen/Types/", StringComparison.Ordinal)).ToList();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(81, records.Count); // 80 records and the enum of their level attribute

        Assert.All(records, f => Assert.Contains("GeneratedCode(\"Mine\", \"1\")", f.Content, StringComparison.Ordinal));
    }

    [Fact]
    public void A_member_the_model_lacks_is_SG9002_not_an_empty_string()
    {
        using var templates = new TempDirectory();
        WriteOverride(templates, "csharp/service/errors.cs.sbn", "namespace {{ api.Namespace }};\n\n// {{ model.NoSuchMember }}\n");

        var error = Assert.Single(Designs.Generate(Design, "counter.json", templates.Path).Diagnostics, d => d.IsError);

        Assert.Equal("SG9002", error.Id);
        Assert.Equal(3, error.Span.Line);
        Assert.Contains("NoSuchMember", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csharp_that_does_not_parse_is_SG9003_and_nothing_is_produced()
    {
        using var templates = new TempDirectory();
        WriteOverride(templates, "csharp/service/errors.cs.sbn", "namespace {{ api.Namespace }};\n\npublic static class {{ model.ErrorsClassName }} {\n");

        var result = Designs.Generate(Design, "counter.json", templates.Path);

        Assert.Contains(result.Diagnostics, d => d.Id == "SG9003" && d.Span.File == "gen/Counter/CounterErrors.g.cs");
        Assert.Empty(result.Files);
    }

    [Fact]
    public void An_override_that_matches_no_template_is_SG9004_with_a_hint()
    {
        using var templates = new TempDirectory();
        WriteOverride(templates, "csharp/service/erors.cs.sbn", "typo");

        var error = Assert.Single(Designs.Generate(Design, "counter.json", templates.Path).Diagnostics);

        Assert.Equal("SG9004", error.Id);
        Assert.Equal("did you mean 'csharp/service/errors.cs.sbn'?", error.Hint);
    }

    [Fact]
    public void Every_template_in_the_repository_is_built_into_the_tool()
    {
        var onDisk = Directory.EnumerateFiles(Repository.Templates, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Templates, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, new StreamGen.Generation.TemplateLoader(null).EmbeddedTemplates.Order(StringComparer.Ordinal));
    }

    private static void WriteOverride(TempDirectory templates, string relativePath, string text)
    {
        var path = templates.Combine(relativePath.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
