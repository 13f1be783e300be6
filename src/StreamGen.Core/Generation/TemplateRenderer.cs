using System.Collections.Concurrent;
using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using StreamGen.Diagnostics;
using StreamGen.Model;
using DesignSpan = StreamGen.Diagnostics.SourceSpan;

namespace StreamGen.Generation;

/// <summary>
/// Renders sections with Scriban. Templates see three globals, <c>api</c> (the <see cref="ApiModel"/>), <c>model</c>
/// (the section's model), with .NET member names as written, and <c>template</c> (the path of the template that renders
/// the file's content, for its header). Partials get their inputs as include arguments, never from these. Strict: an unknown variable or member is an error,
/// reported as SG9001/SG9002 at the template's line and column instead of rendering something silently wrong.
/// Thread-safe once <see cref="Prepare"/> has run: parsed templates are shared, a context serves one render at a time.
/// </summary>
public sealed class TemplateRenderer(TemplateLoader loader, ApiModel api)
{
    private readonly Dictionary<string, Template> _parsed = new(StringComparer.Ordinal);

    // A context caches what is costly to rebuild (reflected members of model types, parsed includes, builtins), so
    // contexts are reused, one per thread at a time, instead of created per file.
    private readonly ConcurrentBag<TemplateContext> _contexts = [];

    /// <summary>
    /// Parses every template once, partials included, so a syntax error is reported once at its own line and column
    /// (not at each include of it) and no render parses anything. Call before rendering.
    /// </summary>
    public void Prepare(DiagnosticBag diagnostics)
    {
        foreach (var templatePath in loader.EmbeddedTemplates.Order(StringComparer.Ordinal))
        {
            Parse(templatePath, diagnostics);
        }
    }

    public string? Render(Section section, string fileTemplate, DiagnosticBag diagnostics)
    {
        if (!_parsed.TryGetValue(section.TemplatePath, out var template))
        {
            throw new InvalidOperationException($"Template '{section.TemplatePath}' was not prepared.");
        }

        var context = _contexts.TryTake(out var pooled) ? pooled : CreateContext();
        context.PushGlobal(new ScriptObject
        {
            ["api"] = api,
            ["model"] = section.Model,
            ["template"] = fileTemplate,
        });
        try
        {
            var text = template.Render(context);
            context.PopGlobal();
            _contexts.Add(context);
            return text;
        }
        catch (ScriptRuntimeException e)
        {
            // The failed context may hold a half-unwound scope stack; it is dropped rather than reused.
            diagnostics.Report(DiagnosticDescriptors.TemplateRenderError, SpanOf(section.TemplatePath, e.Span), section.TemplatePath, section.Name, e.OriginalMessage);
            return null;
        }
    }

    private TemplateContext CreateContext()
    {
        var context = new ModelTemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = int.MaxValue,
            // Scriban cuts strings longer than 1 MB with "..." by default; a large design renders files past that.
            LimitToString = 0,
            RecursiveLimit = 200,
            NewLine = "\n",
            AutoIndent = true,
            MemberRenamer = member => member.Name,
            TemplateLoader = loader,
            TryGetMember = (TemplateContext _, Scriban.Parsing.SourceSpan span, object target, string member, out object? value) =>
                throw new ScriptRuntimeException(span, $"'{target.GetType().Name}' has no member '{member}'"),
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        foreach (var (path, template) in _parsed)
        {
            context.CachedTemplates[path] = template;
        }

        return context;
    }

    private void Parse(string templatePath, DiagnosticBag diagnostics)
    {
        var template = Template.Parse(loader.Load(templatePath), templatePath);
        if (template.HasErrors)
        {
            foreach (var message in template.Messages)
            {
                diagnostics.Report(DiagnosticDescriptors.TemplateSyntaxError, SpanOf(templatePath, message.Span), templatePath, message.Message);
            }

            return;
        }

        _parsed[templatePath] = template;
    }

    private DesignSpan SpanOf(string templatePath, Scriban.Parsing.SourceSpan span)
    {
        var path = string.IsNullOrEmpty(span.FileName) || span.FileName == templatePath ? templatePath : span.FileName;
        return new DesignSpan(loader.DisplayPath(path), span.Start.Line + 1, span.Start.Column + 1);
    }
}
